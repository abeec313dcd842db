import { type ParseArgsConfig, parseArgs } from "node:util";
import { usageError } from "./exitCodes.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** What every command takes. */
const CONNECTION: Options = {
  "server-url": { type: "string" },
  json: { type: "boolean" },
};

interface CommandSpec {
  /** The positional arguments, by name, all required. */
  args: string[];
  options: Options;
}

/** Every command: its words, its arguments and its flags (DESIGN.md, "CLI"). */
export const COMMANDS = {
  run: {
    args: ["FILE"],
    options: {
      endpoint: { type: "string" },
      model: { type: "string" },
      output: { type: "string" },
      "run-id": { type: "string" },
      "state-dir": { type: "string" },
      metadata: { type: "string", multiple: true },
      "max-attempts": { type: "string" },
      "cancel-on-abort": { type: "boolean" },
    },
  },
  "jobs list": {
    args: [],
    options: { status: { type: "string", multiple: true }, page: { type: "string" }, "page-size": { type: "string" } },
  },
  "jobs get": { args: ["ID"], options: {} },
  "jobs cancel": { args: ["ID"], options: {} },
  "jobs delete": { args: ["ID"], options: {} },
  "jobs wait": { args: ["ID"], options: {} },
  results: { args: ["JOB_ID"], options: { output: { type: "string" } } },
  "files upload": { args: ["FILE"], options: { purpose: { type: "string" } } },
  "files download": { args: ["FILE_ID"], options: { output: { type: "string" } } },
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

/** A command line, read. */
export interface CommandLine {
  command: CommandName;
  args: Record<string, string>;
  flags: Record<string, string | boolean | (string | boolean)[] | undefined>;
}

/** `--help` or `--version` instead of a command. */
export type InfoRequest = { info: "help" | "version" };

/** Reads argv (without node and the script), or throws a usage error that says what is wrong. */
export function readCommandLine(argv: string[]): CommandLine | InfoRequest {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h")) return { info: "help" };
  if (argv[0] === "--version") return { info: "version" };
  const command = commandOf(argv);
  const spec: CommandSpec = COMMANDS[command];
  const rest = argv.slice(command.split(" ").length);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...CONNECTION, ...spec.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // parseArgs names the flag at fault: "Unknown option '--x'", "Option '--output <value>' argument missing".
    throw usageError(`${command}: ${(error as Error).message.split(". ")[0]}`);
  }
  const { positionals, values } = parsed;
  if (positionals.length < spec.args.length) throw usageError(`${command}: missing ${spec.args[positionals.length]}`);
  if (positionals.length > spec.args.length) throw usageError(`${command}: unexpected argument ${positionals.at(-1)}`);
  const args = Object.fromEntries(spec.args.map((name, i) => [name, positionals[i] as string]));
  return { command, args, flags: values };
}

function commandOf(argv: string[]): CommandName {
  const two = `${argv[0]} ${argv[1]}`;
  if (two in COMMANDS) return two as CommandName;
  if ((argv[0] as string) in COMMANDS) return argv[0] as CommandName;
  const group = Object.keys(COMMANDS).filter((name) => name.startsWith(`${argv[0]} `));
  if (group.length > 0) {
    const choices = group.map((name) => name.split(" ")[1]).join(", ");
    throw usageError(argv[1] ? `unknown command ${two} (${argv[0]} takes ${choices})` : `${argv[0]} takes ${choices}`);
  }
  throw usageError(`unknown command ${argv[0]}`);
}

/** A flag's value as an integer of at least `min`, or undefined when absent. */
export function integerFlag(flags: CommandLine["flags"], name: string, min: number): number | undefined {
  const value = flags[name];
  if (value === undefined) return undefined;
  const number = Number(value);
  if (typeof value !== "string" || !/^\d+$/.test(value) || number < min) {
    throw usageError(`--${name} takes an integer of at least ${min}, not ${JSON.stringify(value)}`);
  }
  return number;
}

/** A string flag that the command needs. */
export function requiredFlag(line: CommandLine, name: string): string {
  const value = line.flags[name];
  if (typeof value !== "string" || value === "") throw usageError(`${line.command}: --${name} is required`);
  return value;
}
