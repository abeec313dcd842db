import { ErrorNotice, Loading } from "./common/QueryStatus.js";
import { CreateJobPage } from "./create/CreateJobPage.js";
import { JobPage } from "./job/JobPage.js";
import { JobsPage } from "./jobs/JobsPage.js";
import { Link, useLocation } from "./router.js";
import { SignIn } from "./SignIn.js";
import { type Session, useSession, useSetSessionUser } from "./session.js";

function Page({ path }: { path: string }) {
  if (path === "/") return <JobsPage />;
  if (path === "/jobs/new") return <CreateJobPage />;
  const job = /^\/jobs\/([^/]+)$/.exec(path);
  if (job) return <JobPage key={job[1]} jobId={decodeURIComponent(job[1]!)} />;
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <Link to="/">Go to the jobs</Link>
      </p>
    </section>
  );
}

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

/** The whole app: demo sign-in first, then the three pages. */
export function App() {
  const session = useSession();
  const { pathname } = useLocation();
  return (
    <>
      <Header user={session.data?.user ?? null} />
      {session.data && <Banners session={session.data} />}
      <main>
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
          <Page path={pathname} />
        )}
      </main>
    </>
  );
}
