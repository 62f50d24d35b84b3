/* git.c — what the commands read from git (git.h): the work tree's top, a
 * revision extracted whole into a temporary folder, the commits that
 * touched some files. git runs as a child process (posix_spawn), never
 * through a shell. */
#define _GNU_SOURCE
#include "cmd/git.h"
#include "lib/source.h"
#include "lib/arena.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;


/* Runs argv with its standard output into out_fd (or inherited when -1),
 * standard input from in_fd (or inherited), standard error discarded when
 * quiet; the pid, or -1. */
static pid_t spawn(char *const argv[], int in_fd, int out_fd, int close_fd, bool quiet)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (quiet)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    if (in_fd >= 0)
        posix_spawn_file_actions_adddup2(&actions, in_fd, 0);
    if (out_fd >= 0)
        posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
    if (close_fd >= 0)
        posix_spawn_file_actions_addclose(&actions, close_fd);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &actions, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
}

static bool exited_ok(pid_t pid)
{
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* The top of the git work tree around the current folder, or NULL. */
char *git_toplevel(struct arena *a)
{
    int fds[2];
    if (pipe(fds) != 0)
        return NULL;
    char *argv[] = {"git", "rev-parse", "--show-toplevel", NULL};
    pid_t pid = spawn(argv, -1, fds[1], fds[0], true);
    close(fds[1]);
    char buf[PATH_MAX + 1];
    size_t len = 0;
    ssize_t n;
    while (len < PATH_MAX && (n = read(fds[0], buf + len, PATH_MAX - len)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        len += (size_t)n;
    }
    close(fds[0]);
    if (pid < 0 || !exited_ok(pid) || len == 0)
        return NULL;
    while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
        len--;
    return arena_strndup(a, buf, len);
}

/* `git -C top archive REV | tar -x -C dir`. */
static bool git_extract(const char *top, const char *rev, const char *dir)
{
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    char *git[] = {"git", "-C", (char *)top, "archive", "--format=tar", (char *)rev, NULL};
    char *tar[] = {"tar", "-x", "-C", (char *)dir, "-f", "-", NULL};
    pid_t writer = spawn(git, -1, fds[1], fds[0], false);
    close(fds[1]);
    /* tar's complaint about an empty archive would follow git's own message */
    pid_t reader = writer < 0 ? -1 : spawn(tar, fds[0], -1, -1, true);
    close(fds[0]);
    bool ok = writer >= 0 && exited_ok(writer);
    return reader >= 0 && exited_ok(reader) && ok;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

void git_remove_tree(const char *dir)
{
    if (dir)
        nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* A temporary folder holding revision rev of the work tree at top. */
char *git_extract_revision(struct arena *a, const char *command, const char *top, const char *rev)
{
    const char *tmp = getenv("TMPDIR");
    char *dir = arena_printf(a, "%s/okrc-diff-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        fprintf(stderr, "okrc %s: error: cannot create a temporary folder: %s\n", command, strerror(errno));
        return NULL;
    }
    if (!git_extract(top, rev, dir)) {
        fprintf(stderr, "okrc %s: error: cannot read revision '%s' of %s with git archive\n", command, rev, top);
        git_remove_tree(dir);
        return NULL;
    }
    return dir;
}

/* path with "." and ".." taken away lexically (the revision's tree is the
 * work tree's: no link of the work tree is followed). */
static char *normalize(struct arena *a, const char *path)
{
    size_t n = strlen(path);
    char *out = arena_alloc(a, n + 2);
    size_t len = 0;
    for (const char *p = path; *p;) {
        while (*p == '/')
            p++;
        const char *end = strchr(p, '/');
        size_t k = end ? (size_t)(end - p) : strlen(p);
        if (k == 0)
            break;
        if (k == 2 && p[0] == '.' && p[1] == '.') {
            while (len > 0 && out[len - 1] != '/')
                len--;
            if (len > 0)
                len--;          /* the '/' before the component removed */
        } else if (!(k == 1 && p[0] == '.')) {
            out[len++] = '/';
            memcpy(out + len, p, k);
            len += k;
        }
        p += k;
    }
    if (len == 0)
        out[len++] = '/';
    out[len] = '\0';
    return out;
}

/* FILE (relative to the current folder) as it lies under dir, a copy of the
 * work tree at top; NULL when FILE is outside the work tree. A file the
 * revision lacks is created empty: the plan of that revision had none of
 * it, so all of it is added. */
char *git_path_in(struct arena *a, const char *top, const char *dir, const char *file)
{
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return NULL;
    const char *full = normalize(a, *file == '/' ? file : arena_printf(a, "%s/%s", cwd, file));
    size_t n = strlen(top);
    if (strncmp(full, top, n) != 0 || (full[n] != '/' && full[n] != '\0'))
        return NULL;
    char *path = arena_printf(a, "%s%s", dir, full + n);
    struct stat st;
    if (stat(path, &st) != 0) {
        for (char *p = path + strlen(dir) + 1; (p = strchr(p, '/')); p++) {
            *p = '\0';
            mkdir(path, 0700);
            *p = '/';
        }
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
        if (fd >= 0)
            close(fd);
    }
    return path;
}


/* All of a child's standard output, NUL-terminated, or NULL. */
static char *read_all(struct arena *a, int fd)
{
    char *text, err[256];
    size_t len;
    if (!source_read_fd(fd, 0, SOURCE_MAX_BYTES, &text, &len, err, sizeof err))
        return NULL;
    char *copy = arena_strndup(a, text, len);
    free(text);
    return copy;
}

bool git_commits(struct arena *a, const char *top, const char *range, const char *since,
                 char *const *files, int n, struct vec *out)
{
    /* git -C TOP log --reverse --format="%H %cs" [--since=D] [RANGE] -- FILE... */
    struct vec argv = {0};
    const char *fixed[] = {"git", "-C", top, "log", "--reverse", "--format=%H %cs"};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        vec_push(a, &argv, (void *)fixed[i]);
    if (since)
        vec_push(a, &argv, arena_printf(a, "--since=%s", since));
    if (range)
        vec_push(a, &argv, (void *)range);
    vec_push(a, &argv, "--");
    for (int i = 0; i < n; i++) {
        char *real = realpath(files[i], NULL);      /* git -C TOP: paths from the top */
        size_t t = strlen(top);
        if (real && strncmp(real, top, t) == 0 && real[t] == '/')
            vec_push(a, &argv, arena_strndup(a, real + t + 1, strlen(real + t + 1)));
        free(real);
    }
    vec_push(a, &argv, NULL);
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    pid_t pid = spawn((char *const *)argv.items, -1, fds[1], fds[0], false);
    close(fds[1]);
    char *text = pid >= 0 ? read_all(a, fds[0]) : NULL;
    close(fds[0]);
    if (pid < 0 || !exited_ok(pid) || !text)
        return false;
    for (char *line = text; *line;) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        char *space = strchr(line, ' ');
        okr_day day;
        if (space && date_parse(space + 1, strlen(space + 1), &day)) {
            struct git_commit *c = arena_alloc(a, sizeof *c);
            c->hash = arena_strndup(a, line, (size_t)(space - line));
            c->date = day;
            vec_push(a, out, c);
        }
        if (!end)
            break;
        line = end + 1;
    }
    return true;
}
