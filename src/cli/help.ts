/** @module The help text of the raadsinfo command: every command and every option it takes. */
export const HELP = `raadsinfo – council information for Danish political bodies (KKR and municipalities)

Usage: raadsinfo <command> [options]

Commands:
  serve                 Start the public portal and APIs (http://localhost:3000)
      --port N            port to listen on (default 3000, or $PORT)
      --host H            address to bind (default 0.0.0.0)
      --no-demo           do not load the demo meeting into an empty store
      --no-jobs           leave the job queue to \`raadsinfo worker\` processes (PostgreSQL server only)
      --base-url URL      public base URL used in OParl ids and feeds (or $PUBLIC_BASE_URL)
                          $CONTACT_EMAIL: the accessibility contact named in /tilgaengelighed
  import PATH...        Import meeting PDFs, text exports, DOCX files and saved HTML pages (folders
                        recursively); lists every file found as imported, unchanged, failed or skipped.
                        Each file is a job on the queue: this process imports them, several at a time,
                        beside any worker on the same server
      --json              print the report as JSON (progress still goes to stderr)
      --verbose           list every warning in full instead of grouped by code
      --detach            queue the files and return; workers (or serve) import them
  parse FILE            Print what Rådsinfo reads from one file (no database is touched)
      --json              print the ParsedDocument as JSON (the parse contract)
  search QUERY          Search items, decisions and annexes
      --json              print what GET /api/search returns
      --body ID           only this body (its id, as in /organ/ID, or its name)
      --year YYYY         only meetings of this year
      --kind KIND         item, decision or annex
      --page N            result page (10 a page)
      --as-typed          search the words as typed: a query that finds nothing is not read as the
                          nearest known words
  export                Export items with decisions, attendance and persons
      --format json|csv   (default json)
      --out DIR           write files into DIR instead of standard output
  user add EMAIL        Create a user (the first administrator too)
      --name NAME         the user's name (required)
      --role ROLE         administrator (all bodies), sekretariat or medlem (one body each)
      --body NAME         the body of a sekretariat or medlem role (its name, short name or id)
      --password-stdin    read the password from standard input; without it a first-login
                          link is sent by e-mail (SMTP_URL, or the outbox)
      --json              print {"id", "email", "totpSecret"}; totpSecret is the base32 secret for
                          an authenticator app (administrator and sekretariat must use one)
      --base-url URL      the portal address in the link (or $PUBLIC_BASE_URL)
  user list             List users with their roles (--json)
  user disable EMAIL    Stop a user signing in; ends the user's sessions and revokes the API tokens
  user enable EMAIL     Let a disabled user sign in again
  user reset EMAIL      Send a password reset link by e-mail (--base-url URL)
  user grant EMAIL      Give a user another role (--role ROLE [--body NAME])
  token create          Create an API token (Authorization: Bearer ri_...), shown once
      --user EMAIL        the user the token acts as, with that user's roles (required)
      --name TEXT         what the token is for
      --json              print {"token"}
  token list            List API tokens, never their values (--user EMAIL, --json)
  token revoke TOKEN-OR-ID
                        Revoke an API token, named by its value or its id
  outbox                List the mails written to DATA_DIR/outbox when SMTP_URL is not set
      --json              print date, to, subject and file of each
  withheld              List what is withheld from the public (closed items, annexes no meeting
                        claims, pages with a CPR number), by body
      --body NAME         only this body
      --json              print the list as JSON
  withheld release item|file ID | page FILE-ID:PAGE
                        Release one of them to the public (audited); an item takes along its
                        annexes withheld for the same reason
  withheld replace FILE-ID REDACTED-FILE
                        Replace an annex with a redacted copy (PDF, DOCX or text); refused while
                        the copy still holds a CPR number (audited)
  worker                Take jobs from the queue (imports, mail, rendering) until SIGTERM or Ctrl+C. serve
                        runs the jobs itself; on a server (DATABASE_URL) start any number of workers,
                        on any machine, beside it. Against an embedded store that serve holds it stops,
                        naming serve. $RAADSINFO_PARSE_THREADS: files imported at once (default: cores);
                        $RAADSINFO_JOB_LEASE_MS: how long a vanished worker's job waits (default 60000)
  jobs                  The queue: jobs per kind and state, what runs where, the latest failures
      --batch ID          one import batch, file by file
      --kind KIND         only this kind of job
      --json              print it as JSON
  jobs retry ID...      Queue failed jobs again
  alerts send           Queue the e-mail alert digests due now (at most one a day per subscriber);
                        serve and worker do this every hour by themselves
      --base-url URL      the portal's address for links in the mails (default $PUBLIC_BASE_URL)
      --json              print {"due", "queued", "expired"} (expired: never confirmed in a week)

Options for every command that uses the store (serve, import, search, export, user, token, withheld,
worker, jobs, alerts):
  --data-dir DIR        embedded database folder (default ./data, or $RAADSINFO_DATA_DIR)
  DATABASE_URL=...      use a PostgreSQL server instead (environment variable)
  DATABASE_READ_URL=... serve only: a read replica of that server for the public pages, search,
                        API, OParl and feeds of visitors who are not signed in

E-mail (user add, user reset, and the jobs that serve and worker run):
  SMTP_URL=...          send through this server, e.g. smtps://user:password@mail.example.dk:465;
                        without it, mails are written to DATA_DIR/outbox (see raadsinfo outbox)
  MAIL_FROM=...         the sender (default "Rådsinfo <raadsinfo@localhost>")

While serve runs on an embedded store it owns it: import hands its files to serve, which imports
them and reports here; search and export stop with a line naming serve (use the portal, or stop it).

  -h, --help            show this help
  -v, --version         show the version

Examples:
  raadsinfo import ../shared/seeds
  raadsinfo parse referat.pdf --json
  raadsinfo search "biokul" --kind decision
  raadsinfo user add admin@kl.dk --name "Ida Admin" --role administrator --password-stdin < pw.txt
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/raadsinfo raadsinfo serve --port 8080
`;
