/** `mistral-batch --help`. */
export const HELP = `Usage: mistral-batch COMMAND [ARGS] [--server-url URL] [--json]

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
