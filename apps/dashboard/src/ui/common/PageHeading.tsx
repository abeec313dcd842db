import { type ReactNode, useEffect, useRef } from "react";
import { takeHeadingFocus } from "../routing/headingFocus.js";

const APP_NAME = "Mistral batch dashboard";

/**
 * A page's `<h1>`: it names the tab (`title · Mistral batch dashboard`) and, after a navigation inside the app,
 * takes the focus, so keyboard and screen-reader users start at the new page's top rather than on a stale link.
 */
export function PageHeading({ title, children, id }: { title: string; children?: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${APP_NAME}`;
  }, [title]);
  useEffect(() => {
    if (takeHeadingFocus()) ref.current?.focus();
  }, []);
  return (
    <h1 id={id} ref={ref} tabIndex={-1}>
      {children ?? title}
    </h1>
  );
}
