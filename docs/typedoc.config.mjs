/** The TypeDoc options of every package's reference; `build.mjs` adds each one's name, entry points and output. */
export default {
  plugin: ["typedoc-plugin-markdown"],
  // Markdown that reads on GitHub and npm: one page per entry point, no sources (their links would change with
  // every commit, and the reference with them), no README (each package has its own).
  outputFileStrategy: "modules",
  readme: "none",
  disableSources: true,
  hidePageHeader: true,
  // Leaves out what the error classes inherit from Error's typings (captureStackTrace...): 2,000 lines of the page.
  excludeExternals: true,
  excludePrivate: true,
  excludeInternal: true,
  // Every export must say what it is; the members of an interface or class may go without when their names say it.
  requiredToBeDocumented: ["Enum", "Variable", "Function", "Class", "Interface", "TypeAlias"],
  validation: { notExported: true, invalidLink: true, notDocumented: true },
  treatWarningsAsErrors: true,
  // `pnpm typecheck` checks the types (with TypeScript 7); checking them again here would double the time.
  skipErrorChecking: true,
  // Unions in the order TypeScript 7 gives them, not in the order the checker happened to meet their members: the
  // reference then changes only when the API does.
  compilerOptions: { stableTypeOrdering: true },
};
