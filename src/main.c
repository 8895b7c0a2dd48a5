/* main.c — argv → subcommand table, nothing else (top layer). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *help;
} commands[] = {
	{"serve", cmd_serve, "run the web server (API + UI)"},
	{"init", cmd_init, "create and migrate the database"},
	{"migrate", cmd_migrate, "apply pending schema migrations"},
	{"demo", cmd_demo, "create a database filled with demo data and print the demo logins"},
	{"user", cmd_user, "add, list, disable users; set passwords"},
	{"token", cmd_token, "create, list, revoke API tokens"},
	{"audit", cmd_audit, "verify the audit log's hash chain"},
	{"backup", cmd_backup, "copy a live SQLite database"},
	{"restore", cmd_restore, "restore an SQLite database from a backup"},
	{"bench-seed", cmd_bench_seed, "add synthetic units for benchmarks (not for production)"},
};

static void main_usage(FILE *f)
{
	fputs("wenming — 文明单位创建测评管理系统\n\nusage: wenming COMMAND [options]   (wenming COMMAND --help for details)\n\n"
	      "commands:\n",
	      f);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].help);
	}
	fputs("\nEvery command takes --db FILE|postgresql://… (default wenming.db, or $WENMING_DB).\n", f);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		main_usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		main_usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		puts("wenming 0.1.0");
		return 0;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(argv[1], commands[i].name) == 0) {
			return commands[i].fn(argc - 1, argv + 1);
		}
	}
	fprintf(stderr, "wenming: unknown command %s\n\n", argv[1]);
	main_usage(stderr);
	return 2;
}
