/* password.h — password policy and temporary passwords (domain layer, pure C).
 * The policy check reports the first broken rule; the generator turns caller-supplied random
 * bytes into a password that meets the policy. Hashing lives elsewhere. No allocation. */
#ifndef WM_PASSWORD_H
#define WM_PASSWORD_H
#include "../util/err.h"

#define PASSWORD_MIN_CHARS 8
#define PASSWORD_MAX_CHARS 128
#define PASSWORD_TEMP_LEN 12

/* Checks pw against the policy, rules in this order (the first broken one is reported):
 *   1. valid UTF-8 with no control characters (text_has_control)  密码含有无效字符或控制字符
 *   2. 8–128 characters, counted in code points (NULL pw breaks it) 密码长度应为8至128个字符
 *   3. at least one ASCII letter                                   密码必须包含至少一个字母
 *   4. at least one ASCII digit                                    密码必须包含至少一个数字
 *   5. does not equal or contain username, ASCII case-insensitive  密码不能与用户名相同或包含用户名
 *      (skipped when username is NULL or "")
 * Returns ERR_OK, or ERR_UNPROCESSABLE (the API answers 422) with d (may be NULL) filled:
 * code "weak_password", field "new_password", the Chinese message of the rule. */
enum err password_check_policy(const char *pw, const char *username, struct err_detail *d);

/* Writes a 12-char temporary password plus NUL into out, derived deterministically from the
 * 12 random bytes (the caller supplies them from a CSPRNG). Alphabet: ASCII letters and digits
 * without the look-alikes 0 O 1 l I. Exactly one position (chosen from the bytes) is forced to
 * a digit and another to a letter, so the result always meets rules 1–4 above; the other 10
 * chars are drawn from the whole alphabet. The 96 input bits are used as one number in mixed
 * radix, so the choice is uniform up to a bias below 2^-20. Rule 5 depends on the username
 * and is not guaranteed (callers with very short usernames may check and regenerate). */
void password_generate_temp(char out[PASSWORD_TEMP_LEN + 1],
			    const unsigned char random_bytes[PASSWORD_TEMP_LEN]);

#endif
