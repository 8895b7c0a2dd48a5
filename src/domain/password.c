/* password.c — password policy check and temporary password generation (domain layer, pure C).
 * Rules and the generator's construction are described in password.h. */
#include "password.h"

#include <stdint.h>
#include <string.h>

#include "text.h"

static const char password_letters[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
static const char password_digits[] = "23456789";
static const char password_alphabet[] =
	"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

static int password_is_letter(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int password_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static char password_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* 1 when needle (non-empty) occurs in hay, comparing ASCII letters case-insensitively. */
static int password_contains_nocase(const char *hay, const char *needle)
{
	size_t hn = strlen(hay);
	size_t nn = strlen(needle);

	for (size_t i = 0; nn <= hn && i <= hn - nn; i++) {
		size_t k = 0;

		while (k < nn && password_lower(hay[i + k]) == password_lower(needle[k])) {
			k++;
		}
		if (k == nn) {
			return 1;
		}
	}
	return 0;
}

static enum err password_weak(struct err_detail *d, const char *message)
{
	return err_set(d, ERR_UNPROCESSABLE, "weak_password", "new_password", message);
}

enum err password_check_policy(const char *pw, const char *username, struct err_detail *d)
{
	size_t bytes;
	size_t chars;
	int has_letter = 0;
	int has_digit = 0;

	if (!pw) {
		return password_weak(d, "密码长度应为8至128个字符");
	}
	bytes = strlen(pw);
	if (!text_utf8_valid(pw, bytes) || text_has_control(pw)) {
		return password_weak(d, "密码含有无效字符或控制字符");
	}
	chars = text_utf8_chars(pw, bytes);
	if (chars < PASSWORD_MIN_CHARS || chars > PASSWORD_MAX_CHARS) {
		return password_weak(d, "密码长度应为8至128个字符");
	}
	for (const char *p = pw; *p; p++) {
		has_letter |= password_is_letter(*p);
		has_digit |= password_is_digit(*p);
	}
	if (!has_letter) {
		return password_weak(d, "密码必须包含至少一个字母");
	}
	if (!has_digit) {
		return password_weak(d, "密码必须包含至少一个数字");
	}
	if (username && username[0] != '\0' && password_contains_nocase(pw, username)) {
		return password_weak(d, "密码不能与用户名相同或包含用户名");
	}
	return ERR_OK;
}

/* Divides the 96-bit big-endian number in limbs by divisor in place; returns the remainder. */
static unsigned password_bits_divmod(uint32_t limbs[3], unsigned divisor)
{
	uint64_t rem = 0;

	for (int i = 0; i < 3; i++) {
		uint64_t cur = (rem << 32) | limbs[i];

		limbs[i] = (uint32_t)(cur / divisor);
		rem = cur % divisor;
	}
	return (unsigned)rem;
}

void password_generate_temp(char out[PASSWORD_TEMP_LEN + 1],
			    const unsigned char random_bytes[PASSWORD_TEMP_LEN])
{
	uint32_t limbs[3] = { 0, 0, 0 };
	unsigned digit_pos;
	unsigned letter_pos;
	const unsigned n_letters = (unsigned)(sizeof password_letters - 1);
	const unsigned n_digits = (unsigned)(sizeof password_digits - 1);
	const unsigned n_all = (unsigned)(sizeof password_alphabet - 1);

	for (int i = 0; i < PASSWORD_TEMP_LEN; i++) {
		limbs[i / 4] = (limbs[i / 4] << 8) | random_bytes[i];
	}
	digit_pos = password_bits_divmod(limbs, PASSWORD_TEMP_LEN);
	letter_pos = password_bits_divmod(limbs, PASSWORD_TEMP_LEN - 1);
	if (letter_pos >= digit_pos) {
		letter_pos++; /* skip the digit's slot: the two positions always differ */
	}
	for (unsigned i = 0; i < PASSWORD_TEMP_LEN; i++) {
		if (i == digit_pos) {
			out[i] = password_digits[password_bits_divmod(limbs, n_digits)];
		} else if (i == letter_pos) {
			out[i] = password_letters[password_bits_divmod(limbs, n_letters)];
		} else {
			out[i] = password_alphabet[password_bits_divmod(limbs, n_all)];
		}
	}
	out[PASSWORD_TEMP_LEN] = '\0';
}
