/* demo.h — the demo data set (cli layer). */
#ifndef WM_DEMO_H
#define WM_DEMO_H
#include <stdio.h>

struct db;

/* Fills an empty, migrated database in one transaction and prints the logins to out.
 * 0 on success. */
int demo_load(struct db *db, FILE *out);

#endif
