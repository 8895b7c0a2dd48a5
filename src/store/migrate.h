/* migrate.h — applies the embedded migrations of the connection's dialect in order, one
 * transaction each, recorded in schema_migrations (store layer). */
#ifndef WM_MIGRATE_H
#define WM_MIGRATE_H
#include <stddef.h>

struct db;

/* 0 on success (also when nothing was pending); *applied counts the migrations run.
 * On failure writes a message into err and leaves the failed migration unapplied. */
int migrate_run(struct db *db, int *applied, char *err, size_t errlen);
/* The newest applied version, or 0 (also when the table does not exist). */
int migrate_current_version(struct db *db);

#endif
