/* db_impl.h — private to the drivers: the function table each engine fills (store layer).
 * Only db.c, db_sqlite.c and db_pg.c include this. */
#ifndef WM_DB_IMPL_H
#define WM_DB_IMPL_H
#include "db.h"

struct db_driver {
	enum db_kind kind;
	void (*close)(struct db *db);
	const char *(*errmsg)(struct db *db);
	enum db_rc (*exec)(struct db *db, const char *sql);
	int (*in_transaction)(struct db *db);
	enum db_rc (*prepare)(struct db *db, const char *sql, struct db_stmt **out);
	void (*stmt_free)(struct db_stmt *st);
	void (*reset)(struct db_stmt *st);
	void (*bind_int64)(struct db_stmt *st, int idx, int64_t v);
	void (*bind_double)(struct db_stmt *st, int idx, double v);
	void (*bind_text)(struct db_stmt *st, int idx, const char *s, int len);
	void (*bind_blob)(struct db_stmt *st, int idx, const void *p, size_t n);
	void (*bind_null)(struct db_stmt *st, int idx);
	enum db_rc (*step)(struct db_stmt *st);
	int64_t (*changes)(struct db_stmt *st);
	int (*col_count)(struct db_stmt *st);
	int (*col_is_null)(struct db_stmt *st, int col);
	int64_t (*col_int64)(struct db_stmt *st, int col);
	double (*col_double)(struct db_stmt *st, int col);
	const char *(*col_text)(struct db_stmt *st, int col);
	const void *(*col_blob)(struct db_stmt *st, int col, size_t *n);
	void (*set_streaming)(struct db *db, int on); /* NULL: results are streamed anyway */
};

/* Every engine's connection and statement structs start with these. */
struct db {
	const struct db_driver *drv;
};
struct db_stmt {
	const struct db_driver *drv;
	struct db *db;
};

struct db *db_sqlite_open(const char *path, char *err, size_t errlen);
struct db *db_pg_open(const char *url, char *err, size_t errlen);

#endif
