/** @module The help text of the raadsinfo command: every command and every option it takes. */
export const HELP = `raadsinfo – council information for Danish political bodies (KKR and municipalities)

Usage: raadsinfo <command> [options]

Commands:
  serve                 Start the public portal and APIs (http://localhost:3000)
      --port N            port to listen on (default 3000, or $PORT)
      --host H            address to bind (default 0.0.0.0)
      --no-demo           do not load the demo meeting into an empty store
      --base-url URL      public base URL used in OParl ids and feeds (or $PUBLIC_BASE_URL)
  import PATH...        Import meeting PDFs, text exports and DOCX files (folders recursively);
                        lists every file found as imported, unchanged, failed or skipped
      --json              print the report as JSON (progress still goes to stderr)
      --verbose           list every warning in full instead of grouped by code
  parse FILE            Print what Rådsinfo reads from one file (no database is touched)
      --json              print the ParsedDocument as JSON (the parse contract)
  search QUERY          Search items, decisions and annexes
      --json              print what GET /api/search returns
      --body ID           only this body (its id, as in /organ/ID)
      --year YYYY         only meetings of this year
      --kind KIND         item, decision or annex
      --page N            result page (20 a page)
  export                Export items with decisions, attendance and persons
      --format json|csv   (default json)
      --out DIR           write files into DIR instead of standard output

Options for every command that uses the store (serve, import, search, export):
  --data-dir DIR        embedded database folder (default ./data, or $RAADSINFO_DATA_DIR)
  DATABASE_URL=...      use a PostgreSQL server instead (environment variable)

While serve runs on an embedded store it owns it: import hands its files to serve, which imports
them and reports here; search and export stop with a line naming serve (use the portal, or stop it).

  -h, --help            show this help
  -v, --version         show the version

Examples:
  raadsinfo import ../shared/seeds
  raadsinfo parse referat.pdf --json
  raadsinfo search "biokul" --kind decision
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/raadsinfo raadsinfo serve --port 8080
`;
