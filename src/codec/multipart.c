/* multipart.c — multipart/form-data parsing over a buffered body (RFC 7578). */
#include "multipart.h"

#include <string.h>
#include <strings.h>

#include "../util/buf.h"

static enum err mp_bad(struct err_detail *d, const char *msg)
{
	return err_set(d, ERR_INVALID, "multipart", NULL, msg);
}

/* Copies the boundary parameter (quoted or not) into out; 0 when missing or too long. */
static int mp_boundary(const char *ct, char *out, size_t outlen)
{
	if (!ct || strncasecmp(ct, "multipart/form-data", 19) != 0) {
		return 0;
	}
	const char *p = strcasestr(ct, "boundary=");
	if (!p) {
		return 0;
	}
	p += 9;
	size_t n;
	if (*p == '"') {
		p++;
		const char *e = strchr(p, '"');
		if (!e) {
			return 0;
		}
		n = (size_t)(e - p);
	} else {
		n = strcspn(p, "; \t");
	}
	if (n == 0 || n > 70 || n + 1 > outlen) {
		return 0;
	}
	memcpy(out, p, n);
	out[n] = '\0';
	return 1;
}

static const char *mp_find(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	if (nlen == 0 || hlen < nlen) {
		return NULL;
	}
	return memmem(hay, hlen, needle, nlen);
}

/* Reads a parameter (name="value" or name=value) of a Content-Disposition header line. */
static int mp_param(const char *line, size_t len, const char *key, char *out, size_t outlen)
{
	size_t klen = strlen(key);
	for (size_t i = 0; i + klen + 1 < len; i++) {
		/* skip quoted values: filename="a; name=b.png" holds no name parameter */
		if (line[i] == '"') {
			for (i++; i < len && line[i] != '"'; i++) {
				if (line[i] == '\\' && i + 1 < len && (line[i + 1] == '"' || line[i + 1] == '\\')) {
					i++;
				}
			}
			continue;
		}
		/* the key must start a parameter: after ';' or whitespace */
		if ((i == 0 || line[i - 1] == ';' || line[i - 1] == ' ' || line[i - 1] == '\t') &&
		    strncasecmp(line + i, key, klen) == 0 && line[i + klen] == '=') {
			const char *v = line + i + klen + 1;
			const char *end = line + len;
			size_t n = 0;
			if (v < end && *v == '"') {
				v++;
				while (v < end && *v != '"') {
					/* only \" and \\ are escapes: browsers send a backslash as is
					 * (and a quote as %22), and old ones the whole C:\path\name */
					if (*v == '\\' && v + 1 < end && (v[1] == '"' || v[1] == '\\')) {
						v++;
					}
					if (n + 1 >= outlen) {
						return -1;
					}
					out[n++] = *v++;
				}
				if (v >= end) {
					return -1;
				}
			} else {
				while (v < end && *v != ';' && *v != ' ' && *v != '\t') {
					if (n + 1 >= outlen) {
						return -1;
					}
					out[n++] = *v++;
				}
			}
			out[n] = '\0';
			return 1;
		}
	}
	return 0;
}

/* Parses the header lines of one part (hdr..hdr+hlen, lines separated by CRLF). */
static enum err mp_headers(const char *hdr, size_t hlen, struct multipart_part *p, struct err_detail *d)
{
	int disposition = 0;
	while (hlen > 0) {
		const char *eol = mp_find(hdr, hlen, "\r\n", 2);
		size_t llen = eol ? (size_t)(eol - hdr) : hlen;
		if (llen > 20 && strncasecmp(hdr, "Content-Disposition:", 20) == 0) {
			const char *v = hdr + 20;
			size_t vlen = llen - 20;
			while (vlen && (*v == ' ' || *v == '\t')) {
				v++;
				vlen--;
			}
			if (vlen < 9 || strncasecmp(v, "form-data", 9) != 0) {
				return mp_bad(d, "上传内容格式错误：Content-Disposition 应为 form-data");
			}
			if (mp_param(v, vlen, "name", p->name, sizeof p->name) != 1) {
				return mp_bad(d, "上传内容格式错误：缺少字段名");
			}
			int f = mp_param(v, vlen, "filename", p->filename, sizeof p->filename);
			if (f < 0) {
				return mp_bad(d, "文件名过长或格式错误");
			}
			p->has_filename = f == 1;
			disposition = 1;
		} else if (llen > 13 && strncasecmp(hdr, "Content-Type:", 13) == 0) {
			const char *v = hdr + 13;
			size_t vlen = llen - 13;
			while (vlen && (*v == ' ' || *v == '\t')) {
				v++;
				vlen--;
			}
			if (vlen >= sizeof p->content_type) {
				vlen = sizeof p->content_type - 1;
			}
			memcpy(p->content_type, v, vlen);
			p->content_type[vlen] = '\0';
		}
		if (!eol) {
			break;
		}
		hlen -= llen + 2;
		hdr = eol + 2;
	}
	if (!disposition) {
		return mp_bad(d, "上传内容格式错误：缺少 Content-Disposition");
	}
	/* keep the last path component only (some browsers send C:\path\name.jpg) */
	if (p->has_filename) {
		const char *slash = strrchr(p->filename, '/'), *bs = strrchr(p->filename, '\\');
		const char *base = !slash ? bs : !bs ? slash : slash > bs ? slash : bs;
		if (base) {
			memmove(p->filename, base + 1, strlen(base + 1) + 1);
		}
	}
	return ERR_OK;
}

enum err multipart_parse(const char *content_type, const char *body, size_t len, struct multipart_part *parts,
			 size_t max, size_t *n, struct err_detail *d)
{
	char boundary[80], delim[84];
	*n = 0;
	if (!mp_boundary(content_type, boundary, sizeof boundary)) {
		return mp_bad(d, "请以 multipart/form-data 格式上传文件");
	}
	/* the first delimiter may start the body; later ones follow a CRLF */
	size_t blen = strlen(boundary);
	delim[0] = '-';
	delim[1] = '-';
	memcpy(delim + 2, boundary, blen + 1);
	size_t dlen = blen + 2;
	const char *p = mp_find(body, len, delim, dlen);
	if (!p) {
		return mp_bad(d, "上传内容格式错误：找不到分隔符");
	}
	const char *end = body + len;
	for (;;) {
		p += dlen;
		if (end - p >= 2 && p[0] == '-' && p[1] == '-') {
			return *n > 0 ? ERR_OK : mp_bad(d, "上传内容为空");
		}
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n') {
			return mp_bad(d, "上传内容格式错误：分隔符后应换行");
		}
		p += 2;
		const char *hend = mp_find(p, (size_t)(end - p), "\r\n\r\n", 4);
		const char *hend0 = (end - p >= 2 && p[0] == '\r' && p[1] == '\n') ? p : NULL; /* no headers */
		if (!hend && !hend0) {
			return mp_bad(d, "上传内容格式错误：缺少段头");
		}
		if (*n >= max) {
			return mp_bad(d, "上传内容的字段过多");
		}
		struct multipart_part *part = &parts[*n];
		memset(part, 0, sizeof *part);
		const char *data;
		if (hend0) {
			return mp_bad(d, "上传内容格式错误：缺少 Content-Disposition");
		}
		enum err e = mp_headers(p, (size_t)(hend - p), part, d);
		if (e != ERR_OK) {
			return e;
		}
		data = hend + 4;
		/* the part ends at CRLF + delimiter */
		char crlf_delim[88];
		crlf_delim[0] = '\r';
		crlf_delim[1] = '\n';
		memcpy(crlf_delim + 2, delim, dlen + 1);
		const char *next = mp_find(data, (size_t)(end - data), crlf_delim, dlen + 2);
		if (!next) {
			return mp_bad(d, "上传内容不完整（缺少结束分隔符）");
		}
		part->data = data;
		part->len = (size_t)(next - data);
		(*n)++;
		p = next + 2;
	}
}

const struct multipart_part *multipart_find(const struct multipart_part *parts, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(parts[i].name, name) == 0) {
			return &parts[i];
		}
	}
	return NULL;
}
