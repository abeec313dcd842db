import { Link } from "@tanstack/react-router";
import { PageHeading } from "./common/PageHeading.js";

/** Any path the router does not know. */
export function NotFoundPage() {
  return (
    <section>
      <PageHeading title="Page not found" />
      <p>
        <Link to="/">Go to the jobs</Link>
      </p>
    </section>
  );
}
