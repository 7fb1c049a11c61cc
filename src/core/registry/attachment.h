/* attachment.h: files attached to documents and to tasks (their progress reports), kept in the store with their hash, size and type. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/err.h"

struct db;

/*
 * The largest file taken: the web server's request limit (1 MB by default,
 * 413 beyond it) bounds it too.
 */
#define ATTACHMENT_MAX (1u << 20)
/* The longest file name kept, in bytes (a longer one is cut at a character's start). */
#define ATTACHMENT_NAME_MAX 200

/* What an attachment hangs from: a document or a task. */
enum attachment_owner { ATT_DOCUMENT, ATT_TASK };

struct attachment {
	int64_t id, document_id, task_id; /* one of document_id, task_id is 0 */
	const char *name, *ctype, *sha256, *stored_at;
	int64_t size;
	const void *data;     /* attachment_get only */
	const char *uploader; /* attachment_list only: who stored it, as the audit log says
				 ("web:vanphong", "api:vanphong", "cli"); "" when unknown */
};

/*
 * The content type of a file from its bytes: PDF, DOCX, XLSX, PNG or JPEG;
 * NULL for anything else.
 */
const char *attachment_type(const void *data, size_t len);

/*
 * Attaches the file data to document or task owner_id (which the caller has
 * checked the account may see and add to), named name (its base name kept,
 * "tep" when none). ERR_INVAL in Vietnamese for an empty file or one that is
 * not PDF, DOCX, XLSX, PNG or JPEG; ERR_TOOBIG past ATTACHMENT_MAX;
 * ERR_NOTFOUND for no such owner. Nothing is written on error.
 */
int attachment_add(struct db *db, enum attachment_owner kind, int64_t owner_id, const void *data,
		   size_t len, const char *name, int64_t *ret_id, struct err *e);
/* The attachments of document or task owner_id, oldest first, with who stored them, without their bytes. Arena memory. */
int attachment_list(struct db *db, enum attachment_owner kind, int64_t owner_id, struct arena *a,
		    struct attachment **ret, size_t *ret_n, struct err *e);
/* Attachment id with its bytes; ERR_NOTFOUND when none. Arena memory. */
int attachment_get(struct db *db, int64_t id, struct arena *a, struct attachment *ret,
		   struct err *e);
