/* cli.h — the subcommands of the wenming CLI (cli layer). Each takes argc/argv after the
 * subcommand name and returns the process exit status. */
#ifndef WM_CLI_H
#define WM_CLI_H
#include <stddef.h>

struct db;

int cmd_serve(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_migrate(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_token(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_restore(int argc, char **argv);
int cmd_bench_seed(int argc, char **argv);

/* Shared by the commands (cli_common.c). */
/* Finds --db VALUE / --db=VALUE in argv (removing it); else WENMING_DB; else "wenming.db". */
const char *cli_db_url(int *argc, char **argv);
/* Takes "--name VALUE" or "--name=VALUE" out of argv; NULL when absent. */
const char *cli_take_opt(int *argc, char **argv, const char *name);
/* Takes a flag "--name" out of argv; 1 when present. */
int cli_take_flag(int *argc, char **argv, const char *name);
/* 1 when argv holds -h or --help. */
int cli_wants_help(int argc, char **argv);
/* Opens the database and applies pending migrations; prints errors; NULL on failure. */
struct db *cli_open_migrated(const char *url);
/* Reads one line from stdin without the newline into out; 0 on success. */
int cli_read_line(char *out, size_t len);
/* Seeds the 内蒙古 › 鄂尔多斯 › 准格尔旗 regions when the table is empty (cli_common.c). */
int cli_seed_regions(struct db *db);
/* Appends an audit entry for a change made from the command line (actor "cli"). */
int cli_audit(struct db *db, const char *action, const char *entity, long long entity_id, const char *region_code,
	      const char *after_json);

#endif
