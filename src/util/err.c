/* err.c — filling struct err_detail (util layer). */
#include "err.h"

#include <stdio.h>
#include <string.h>

enum err err_set(struct err_detail *d, enum err err, const char *code, const char *field,
		 const char *message)
{
	if (d) {
		d->err = err;
		snprintf(d->code, sizeof d->code, "%s", code ? code : "");
		snprintf(d->field, sizeof d->field, "%s", field ? field : "");
		snprintf(d->message, sizeof d->message, "%s", message ? message : "");
	}
	return err;
}

void err_clear(struct err_detail *d)
{
	memset(d, 0, sizeof *d);
}
