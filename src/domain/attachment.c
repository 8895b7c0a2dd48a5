/* attachment.c — the attachment type policy. */
#include "attachment.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "text.h"

int attachment_owner_kind_valid(const char *kind)
{
	static const char *kinds[] = {"activity", "pairing", "aid", "ad", "exemplar"};
	for (size_t i = 0; kind && i < sizeof kinds / sizeof kinds[0]; i++) {
		if (strcmp(kind, kinds[i]) == 0) {
			return 1;
		}
	}
	return 0;
}

struct attach_type {
	const char *ext;
	const char *mime;      /* stored */
	const char *detected;  /* libmagic's answer, when different (containers) */
	const char *detected2;
};

static const struct attach_type attach_types[] = {
	{"jpg", "image/jpeg", NULL, NULL},
	{"jpeg", "image/jpeg", NULL, NULL},
	{"png", "image/png", NULL, NULL},
	{"gif", "image/gif", NULL, NULL},
	{"webp", "image/webp", NULL, NULL},
	{"pdf", "application/pdf", NULL, NULL},
	{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip", NULL},
	{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip", NULL},
	{"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "application/zip", NULL},
	{"doc", "application/msword", "application/vnd.ms-office", "application/CDFV2"},
	{"xls", "application/vnd.ms-excel", "application/vnd.ms-office", "application/CDFV2"},
	{"ppt", "application/vnd.ms-powerpoint", "application/vnd.ms-office", "application/CDFV2"},
	{"odt", "application/vnd.oasis.opendocument.text", NULL, NULL},
	{"ods", "application/vnd.oasis.opendocument.spreadsheet", NULL, NULL},
	{"odp", "application/vnd.oasis.opendocument.presentation", NULL, NULL},
	{"wps", "application/vnd.ms-works", "application/vnd.ms-office", "application/CDFV2"},
	{"et", "application/vnd.ms-excel", "application/vnd.ms-office", "application/CDFV2"},
};
#define ATTACH_N_TYPES (sizeof attach_types / sizeof attach_types[0])

static int attach_mime_known(const char *mime)
{
	for (size_t i = 0; i < ATTACH_N_TYPES; i++) {
		if (strcmp(mime, attach_types[i].mime) == 0) {
			return 1;
		}
	}
	return 0;
}

enum err attachment_check(const char *detected, const char *filename, char *canon, size_t canonlen,
			  struct err_detail *d)
{
	size_t nlen = filename ? strlen(filename) : 0;
	if (nlen == 0) {
		return err_set(d, ERR_INVALID, "invalid_name", "file", "文件名不能为空");
	}
	if (!text_utf8_valid(filename, nlen)) {
		return err_set(d, ERR_INVALID, "invalid_name", "file", "文件名不是有效的 UTF-8 文本");
	}
	if (text_utf8_chars(filename, nlen) > ATTACHMENT_NAME_MAX) {
		return err_set(d, ERR_INVALID, "invalid_name", "file", "文件名不能超过100个字");
	}
	for (const unsigned char *c = (const unsigned char *)filename; *c; c++) {
		if (*c < 0x20 || *c == 0x7f) {
			return err_set(d, ERR_INVALID, "invalid_name", "file", "文件名含有控制字符");
		}
	}
	const char *dot = strrchr(filename, '.');
	const char *ext = dot && dot[1] ? dot + 1 : NULL;
	int known = attach_mime_known(detected); /* an allowed type as such */
	int container = 0;                       /* what libmagic may report for office documents */
	int ext_allowed = 0;                     /* the name has the extension of some allowed type */
	for (size_t i = 0; i < ATTACH_N_TYPES; i++) {
		const struct attach_type *t = &attach_types[i];
		int ext_match = ext && strcasecmp(ext, t->ext) == 0;
		ext_allowed |= ext_match;
		if (strcmp(detected, t->mime) == 0 || (t->detected && strcmp(detected, t->detected) == 0) ||
		    (t->detected2 && strcmp(detected, t->detected2) == 0)) {
			container |= !known;
			if (ext_match) {
				snprintf(canon, canonlen, "%s", t->mime);
				return ERR_OK;
			}
		}
	}
	if (!known && !container) {
		return err_set(d, ERR_INVALID, "type_not_allowed", "file",
			       "只能上传图片（JPG、PNG、GIF、WebP）、PDF 或 Office 文档");
	}
	if (!ext) {
		return err_set(d, ERR_INVALID, "invalid_name", "file", "文件名缺少扩展名");
	}
	/* a zip or compound file under a name of no allowed type is an archive, an installer, …:
	 * not allowed (under the name of another allowed type it is a mismatch) */
	if (!known && !ext_allowed) {
		return err_set(d, ERR_INVALID, "type_not_allowed", "file",
			       "只能上传图片（JPG、PNG、GIF、WebP）、PDF 或 Office 文档");
	}
	return err_set(d, ERR_INVALID, "type_mismatch", "file", "文件内容与扩展名不符");
}

int attachment_is_image(const char *mime)
{
	return strncmp(mime, "image/", 6) == 0;
}

int attachment_is_inline(const char *mime)
{
	return attachment_is_image(mime) || strcmp(mime, "application/pdf") == 0;
}
