import {
  createRootRoute,
  createRoute,
  createRouter,
  type SearchSchemaInput,
  stripSearchParams,
  useParams,
} from "@tanstack/react-router";
import { AppLayout } from "../AppLayout.js";
import { CreateJobPage } from "../create/CreateJobPage.js";
import { JobPage } from "../job/JobPage.js";
import { JobsPage } from "../jobs/JobsPage.js";
import { JOB_LIST_DEFAULTS, type JobListSearch, readJobListSearch } from "../jobs/jobListSearch.js";
import { NotFoundPage } from "../NotFoundPage.js";
import { RunPage } from "../runs/RunPage.js";
import { requestHeadingFocus } from "./headingFocus.js";
import { parseSearch, stringifySearch } from "./searchParams.js";

const rootRoute = createRootRoute({ component: AppLayout, notFoundComponent: NotFoundPage });

const jobsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  // Links may give any part of the search; the page always reads all of it, defaults filled in.
  validateSearch: (search: Partial<JobListSearch> & SearchSchemaInput): JobListSearch => readJobListSearch(search),
  // The plain `/` is the default list: default values never show in the URL.
  search: { middlewares: [stripSearchParams(JOB_LIST_DEFAULTS)] },
  component: JobsPage,
});

const newJobRoute = createRoute({ getParentRoute: () => rootRoute, path: "/jobs/new", component: CreateJobPage });

const jobRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/jobs/$jobId",
  component: function JobRoute() {
    const { jobId } = useParams({ from: "/jobs/$jobId" });
    // A new job id is a new page: nothing of the previous job's state (samples, search) carries over.
    return <JobPage key={jobId} jobId={jobId} />;
  },
});

const runRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/runs/$runId",
  component: function RunRoute() {
    const { runId } = useParams({ from: "/runs/$runId" });
    return <RunPage key={runId} runId={runId} />;
  },
});

const routeTree = rootRoute.addChildren([jobsRoute, newJobRoute, jobRoute, runRoute]);

/** The dashboard's router: four pages, search params in plain `key=value` form, typed by each route. */
export function createDashboardRouter() {
  const router = createRouter({ routeTree, parseSearch, stringifySearch, scrollRestoration: true });
  // A new page moves focus to its main heading, as a full page load would put a screen reader at the top.
  router.subscribe("onBeforeNavigate", (event) => {
    if (event.fromLocation && event.pathChanged) requestHeadingFocus();
  });
  return router;
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createDashboardRouter>;
  }
}
