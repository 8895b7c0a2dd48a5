/* err.h — the one result enum (util layer). 0 = OK; functions return enum err and give results
 * through out-parameters. The HTTP layer maps these to statuses in one place (http/reply.c). */
#ifndef WM_ERR_H
#define WM_ERR_H

enum err {
	ERR_OK = 0,
	ERR_INVALID,   /* bad input: 400 */
	ERR_NOT_FOUND, /* missing or out of scope: 404 */
	ERR_CONFLICT,  /* duplicate, stale version, in use: 409 */
	ERR_FORBIDDEN, /* 403 */
	ERR_UNPROCESSABLE, /* 422 */
	ERR_DB,        /* storage failure: 500/503 */
	ERR_IO,
};

/* A precise, user-facing error: stable machine code, Chinese message, optional field. */
struct err_detail {
	enum err err;
	char code[48];
	char field[48];
	char message[256];
};

/* Fills d and returns err (so callers can `return err_set(d, ERR_INVALID, …)`). d may be NULL. */
enum err err_set(struct err_detail *d, enum err err, const char *code, const char *field,
		 const char *message);
void err_clear(struct err_detail *d);

#endif
