import express, { type Request, type Router } from "express";

/** The cookie that holds the demo user's name. */
export const DEMO_USER_COOKIE = "dashboard_user";

/** User names the demo accepts: short, and safe in a cookie and in job metadata. */
const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** The value of one cookie in a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * DEMO ONLY: the signed-in user is whatever name the cookie holds, so anyone
 * can claim any name. A real app returns the id its own authentication
 * established (a verified session, a JWT's `sub`...). This is the `authorize`
 * given to `mistralBatchProxy`.
 */
export function demoAuthorize(req: Request): { userId: string } | null {
  const user = readCookie(req.headers.cookie, DEMO_USER_COOKIE);
  return user && USER_NAME.test(user) ? { userId: user } : null;
}

/**
 * The demo sign-in routes: `GET /` tells who is signed in and which upstream
 * serves the API, `POST /` with `{ "user": name }` signs in, `DELETE /` signs out.
 */
export function demoSessionRouter(upstream: "mock" | "mistral"): Router {
  const router = express.Router();
  router.get("/", (req, res) => {
    res.json({ user: demoAuthorize(req)?.userId ?? null, upstream });
  });
  router.post("/", express.json({ limit: "1kb" }), (req, res) => {
    const user: unknown = req.body?.user;
    if (typeof user !== "string" || !USER_NAME.test(user)) {
      res.status(400).json({ message: "A user name is 1 to 64 letters, digits, '.', '_' or '-'" });
      return;
    }
    res.cookie(DEMO_USER_COOKIE, user, { httpOnly: true, sameSite: "lax", path: "/" });
    res.json({ user, upstream });
  });
  router.delete("/", (_req, res) => {
    res.clearCookie(DEMO_USER_COOKIE, { path: "/" });
    res.json({ user: null, upstream });
  });
  return router;
}
