/** `mistral-batch --help`. */
export const HELP = `Usage: mistral-batch COMMAND [ARGS] [--server-url URL] [--json]

Run a JSONL file of requests, resumably (the same command again resumes it):
  run FILE --endpoint E --model M --output OUT   check FILE, run it in as many jobs as it needs, retry
      [--run-id ID] [--state-dir DIR]            failed lines, and write every result once to OUT
      [--metadata K=V]... [--max-attempts N]     (ID defaults to one derived from FILE and the flags;
      [--cancel-on-abort]                        DIR to $MISTRAL_BATCH_STATE_DIR or ~/.local/state/...)

Jobs and files of the Mistral AI Batch API:
  jobs list [--status S]... [--page N] [--page-size N]   the newest jobs first
  jobs get ID                                            one job
  jobs cancel ID                                         ask for a job's cancellation
  jobs delete ID                                         delete a job
  jobs wait ID                                           wait for a job to end, with its progress
  results JOB_ID --output OUT                            a finished job's results as JSONL
  files upload FILE [--purpose P]                        upload a file (purpose batch); prints its id
  files download FILE_ID --output OUT                    download a file

Connection:
  MISTRAL_API_KEY          your Mistral API key
  --server-url URL         another server: a proxy (@mistral-batch/express) or the mock
                           (@mistral-batch/msw); also MISTRAL_SERVER_URL

Output: tables on stdout, or JSON with --json; progress and messages on stderr.
Exit codes: 0 done; 1 error (bad input, API or network); 2 usage error; 3 done, some requests failed.
`;
