import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

/** What `GET /api/session` answers. */
export interface Session {
  /** The demo user's name, or null when nobody is signed in. */
  user: string | null;
  /** Whether the server talks to the built-in mock or the real Mistral API. */
  upstream: "mock" | "mistral";
}

const sessionKey = ["dashboard-session"] as const;

async function sessionRequest(method: "GET" | "POST" | "DELETE", user?: string): Promise<Session> {
  const response = await fetch("/api/session", {
    method,
    headers: user === undefined ? {} : { "content-type": "application/json" },
    body: user === undefined ? undefined : JSON.stringify({ user }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? `The server answered ${response.status}`);
  }
  return (await response.json()) as Session;
}

/** The demo session, read once. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: () => sessionRequest("GET") });
}

/**
 * Signs in (with a name) or out (with null). Every other cached query is
 * dropped, so nothing of the previous user's jobs can show for the next one.
 */
export function useSetSessionUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: string | null) => (user === null ? sessionRequest("DELETE") : sessionRequest("POST", user)),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, session);
    },
  });
}
