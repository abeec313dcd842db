import { Link, Outlet } from "@tanstack/react-router";
import { ErrorNotice, Loading } from "./common/QueryStatus.js";
import { SignIn } from "./SignIn.js";
import { type Session, useSession, useSetSessionUser } from "./session.js";

function Banners({ session }: { session: Session }) {
  return (
    <div className="banners">
      {session.upstream === "mock" && (
        <p className="banner banner-mock" role="note">
          <strong>Built-in mock:</strong> no <code>MISTRAL_API_KEY</code> was set, so jobs run on a simulated Mistral
          API in the server; nothing leaves this machine.
        </p>
      )}
      <p className="banner banner-demo" role="note">
        <strong>Demo sign-in:</strong> anyone can pick any name; this is not authentication.
      </p>
    </div>
  );
}

function Header({ user }: { user: string | null }) {
  const setUser = useSetSessionUser();
  return (
    <header className="top">
      <Link to="/" className="brand">
        Mistral batch dashboard
      </Link>
      {user && (
        <div className="who">
          <span>
            Signed in as <strong>{user}</strong> (demo)
          </span>
          <button type="button" onClick={() => setUser.mutate(null)} disabled={setUser.isPending}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}

/** The frame of every page: header, banners, and the demo sign-in before any page. */
export function AppLayout() {
  const session = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the page
      </a>
      <Header user={session.data?.user ?? null} />
      {session.data && <Banners session={session.data} />}
      <main id="main">
        {session.isPending ? (
          <Loading />
        ) : session.isError ? (
          <ErrorNotice
            title="The dashboard server did not answer."
            error={session.error}
            onRetry={() => void session.refetch()}
          />
        ) : session.data.user === null ? (
          <SignIn />
        ) : (
          <Outlet />
        )}
      </main>
    </>
  );
}
