/* cli_import.c: 'dondoc import': read existing notices (text, DOCX, PDF) from files or folders. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "import/import.h"

#define IMP_MAX_FILES 10000

struct imp_files {
	char **v;
	int n, cap;
};

static int imp_files_add(struct imp_files *f, const char *path)
{
	if (f->n >= IMP_MAX_FILES)
		return ERR_TOOBIG;
	if (f->n == f->cap) {
		int nc = f->cap ? f->cap * 2 : 16;
		char **nv = realloc(f->v, sizeof(*nv) * (size_t)nc);

		if (!nv)
			return ERR_NOMEM;
		f->v = nv;
		f->cap = nc;
	}
	f->v[f->n] = strdup(path);
	if (!f->v[f->n])
		return ERR_NOMEM;
	f->n++;
	return 0;
}

static void imp_files_free(struct imp_files *f)
{
	for (int i = 0; i < f->n; i++)
		free(f->v[i]);
	free(f->v);
}

static int imp_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A folder's notices: its regular files (not hidden), sorted, one level deep. */
static int imp_collect(struct cli *c, const char *path, struct imp_files *f)
{
	struct stat st;
	DIR *d;
	struct dirent *de;
	int first = f->n, r = 0;

	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		return imp_files_add(f, path) < 0 ? err_set(&c->err, ERR_NOMEM, "quá nhiều tệp")
						  : 0;
	d = opendir(path);
	if (!d)
		return err_set(&c->err, ERR_IO, "%s: không mở được thư mục", path);
	while ((de = readdir(d)) && r == 0) {
		char full[4096];

		if (de->d_name[0] == '.')
			continue;
		if ((size_t)snprintf(full, sizeof(full), "%s/%s", path, de->d_name) >= sizeof(full))
			continue;
		if (stat(full, &st) == 0 && S_ISREG(st.st_mode))
			r = imp_files_add(f, full);
	}
	closedir(d);
	if (r < 0)
		return err_set(&c->err, r, "%s: quá nhiều tệp (tối đa %d)", path, IMP_MAX_FILES);
	qsort(f->v + first, (size_t)(f->n - first), sizeof(char *), imp_cmp);
	return 0;
}

/*
 * Reads one file and imports it (imp_import): *ret is the JSON of the
 * extraction; with db, it is stored too, by the operator.
 */
static int imp_one(struct db *db, const char *path, json_t **ret, struct err *e)
{
	struct buf text = BUF_INIT(IMP_MAX_TEXT);
	struct imp_request q = {.name = path, .text = true, .db = db};
	int r = imp_load_file(path, &text, &q.fmt, &q.enc, e);

	if (r == 0) {
		q.data = buf_str(&text);
		q.len = text.len;
		r = imp_import(&q, ret, NULL, e);
	}
	buf_free(&text);
	return r;
}

static void imp_progress(int done, int total)
{
	int width = 30, fill = total ? done * width / total : width;

	fprintf(stderr, "\r[");
	for (int i = 0; i < width; i++)
		fputc(i < fill ? '#' : '.', stderr);
	fprintf(stderr, "] %d/%d", done, total);
	if (done == total)
		fputc('\n', stderr);
	fflush(stderr);
}

const struct cli_spec cli_import_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"dry-run", CLI_FLAG, 0, NULL, "chỉ in những gì đọc được, không ghi vào kho"}, {NULL}},
    .pos = (const struct cli_posdef[]){{"FILE|FOLDER", CLI_TEXT, CLI_REQ | CLI_MANY,
					"tệp cần nhập (văn bản, Markdown, DOCX, PDF)"},
				       {NULL}},
};

int cli_import(struct cli *c, const struct cli_args *args)
{
	struct imp_files files = {0};
	bool dry = cli_flag(args, "dry-run"), tty = isatty(STDERR_FILENO);
	json_t *results, *failed, *skipped;
	struct db *db = NULL;
	int r = 0, ok = 0, nfail = 0, nskip = 0;

	if (!dry) {
		r = cli_db(c, &db);
		if (r < 0)
			return r;
	}
	for (size_t i = 0; i < cli_npos(args) && r == 0; i++)
		r = imp_collect(c, cli_pos(args, i), &files);
	if (r < 0) {
		imp_files_free(&files);
		return r;
	}
	results = json_array();
	failed = json_array();
	skipped = json_array();
	for (int i = 0; i < files.n; i++) {
		struct err e = {0};
		json_t *j = NULL;
		int fr = imp_one(db, files.v[i], &j, &e);

		if (tty && files.n > 1 && !c->json)
			imp_progress(i + 1, files.n);
		if (fr == ERR_EXISTS) {
			/* imported before: skipped, never a duplicate */
			nskip++;
			json_array_append_new(skipped, json_pack("{s:s, s:s}", "file", files.v[i],
								 "reason", err_msg(&e, fr)));
			continue;
		}
		if (fr < 0) {
			nfail++;
			if (!r)
				r = fr;
			json_array_append_new(failed, json_pack("{s:s, s:s}", "file", files.v[i],
								"error", err_msg(&e, fr)));
			if (files.n == 1) {
				c->err = e;
				break;
			}
			continue;
		}
		ok++;
		json_array_append_new(results, j);
	}
	if (files.n == 1 && nskip == 1) {
		json_t *v = json_array_get(skipped, 0);

		if (c->json)
			json_dumpf(
			    json_pack("{s:o, s:s}", "skipped", json_incref(v), "file", files.v[0]),
			    c->out, IMP_JSON_FLAGS | JSON_ENCODE_ANY);
		else
			fprintf(c->out, "bỏ qua: %s\n",
				json_string_value(json_object_get(v, "reason")));
		json_decref(results);
		json_decref(failed);
		json_decref(skipped);
		imp_files_free(&files);
		return 0;
	}
	if (files.n == 1 && ok == 1) {
		json_t *one = json_incref(json_array_get(results, 0));
		json_t *st = json_object_get(one, "stored");

		json_decref(results);
		json_decref(failed);
		json_decref(skipped);
		imp_files_free(&files);
		if (c->json) {
			if (json_dumpf(one, c->out, IMP_JSON_FLAGS) != 0) {
				json_decref(one);
				return err_set(&c->err, ERR_IO, "không ghi được kết quả");
			}
			fputc('\n', c->out);
		} else {
			fprintf(c->out,
				"%s: %s — %zu mục chương trình, %zu văn bản dẫn chiếu, "
				"%zu số liệu, %zu nhiệm vụ, %zu cảnh báo\n",
				json_string_value(
				    json_object_get(json_object_get(one, "source"), "file")),
				json_string_value(
				    json_object_get(json_object_get(one, "document"), "title"))
				    ?: "(không rõ trích yếu)",
				json_array_size(json_object_get(one, "agenda")),
				json_array_size(json_object_get(one, "references")),
				json_array_size(json_object_get(one, "figures")),
				json_array_size(json_object_get(one, "tasks")),
				json_array_size(json_object_get(one, "warnings")));
			if (st)
				fprintf(
				    c->out,
				    "đã nhập: thông báo %lld (văn bản %lld), %lld giá trị gắn vào "
				    "mẫu, %lld nhiệm vụ, %lld mục không gắn được\n",
				    (long long)json_integer_value(json_object_get(st, "notice")),
				    (long long)json_integer_value(json_object_get(st, "document")),
				    (long long)json_integer_value(
					json_object_get(st, "placeholders")),
				    (long long)json_integer_value(json_object_get(st, "tasks")),
				    (long long)json_integer_value(json_object_get(st, "unbound")));
		}
		json_decref(one);
		return 0;
	}
	if (files.n == 1) {
		json_decref(results);
		json_decref(failed);
		json_decref(skipped);
		imp_files_free(&files);
		return r;
	}
	/* A batch: every file is tried; the summary says what happened to each. */
	if (c->json) {
		json_t *all =
		    json_pack("{s:o, s:o, s:o, s:{s:i, s:i, s:i}}", "notices", results, "skipped",
			      skipped, "failed", failed, "summary", db ? "imported" : "read", ok,
			      "skipped", nskip, "failed", nfail);

		if (json_dumpf(all, c->out, IMP_JSON_FLAGS) != 0)
			r = err_set(&c->err, ERR_IO, "không ghi được kết quả");
		else
			fputc('\n', c->out);
		json_decref(all);
	} else {
		size_t i;
		json_t *v;

		json_array_foreach(skipped, i, v)
		{
			fprintf(c->out, "bỏ qua: %s\n",
				json_string_value(json_object_get(v, "reason")));
		}
		json_array_foreach(failed, i, v)
		{
			fprintf(c->out, "lỗi: %s: %s\n",
				json_string_value(json_object_get(v, "file")),
				json_string_value(json_object_get(v, "error")));
		}
		fprintf(c->out, "%s %d, bỏ qua %d, lỗi %d (tổng %d tệp)\n",
			db ? "đã nhập" : "đã đọc", ok, nskip, nfail, files.n);
		json_decref(results);
		json_decref(failed);
		json_decref(skipped);
	}
	imp_files_free(&files);
	if (nfail)
		return err_set(&c->err, r, "%d/%d tệp không nhập được", nfail, files.n);
	return r;
}
