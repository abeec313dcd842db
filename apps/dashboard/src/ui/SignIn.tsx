import { type FormEvent, useState } from "react";
import { PageHeading } from "./common/PageHeading.js";
import { ErrorNotice } from "./common/QueryStatus.js";
import { useSetSessionUser } from "./session.js";

/** The demo sign-in: pick any user name. Not authentication; see the README for plugging a real one. */
export function SignIn() {
  const [name, setName] = useState("");
  const setUser = useSetSessionUser();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setUser.mutate(name.trim());
  };
  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <PageHeading id="sign-in-title" title="Sign in (demo)" />
      <p>
        This is a <strong>demo sign-in</strong>: pick any user name, no password. Each name sees only its own jobs, so
        two browser profiles with two names show the proxy's isolation. A real app plugs its own authentication into the
        proxy's <code>authorize</code> option.
      </p>
      <form onSubmit={submit}>
        <label>
          User name
          <input
            required
            autoComplete="username"
            pattern="[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={setUser.isPending}>
          Sign in
        </button>
      </form>
      {setUser.isError && <ErrorNotice title="Could not sign in." error={setUser.error} />}
    </section>
  );
}
