#ifndef REDBOOK_CEDITLINE_SHIM_H
#define REDBOOK_CEDITLINE_SHIM_H
#include <stdio.h>
#include <histedit.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* libedit's el_set, el_get and history take variadic arguments, which Swift cannot call.
   Each wrapper below fixes one variant's argument types. */

typedef char *(*redbook_prompt_function)(EditLine *);
typedef unsigned char (*redbook_key_function)(EditLine *, int);

/* Prompts may hold terminal escapes between two \1 bytes; they take no room on the line. */
static inline int redbook_el_set_prompt(EditLine *el, redbook_prompt_function f) {
    return el_set(el, EL_PROMPT_ESC, f, '\1');
}

static inline int redbook_el_set_right_prompt(EditLine *el, redbook_prompt_function f) {
    return el_set(el, EL_RPROMPT_ESC, f, '\1');
}

static inline int redbook_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int redbook_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

static inline int redbook_el_add_function(EditLine *el, const char *name, const char *help, redbook_key_function f) {
    return el_set(el, EL_ADDFN, name, help, f);
}

static inline int redbook_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, NULL);
}

/* Ctrl-C reaches the editor as a key instead of raising SIGINT while a line is edited. */
static inline int redbook_el_keys_not_signals(EditLine *el) {
    return el_set(el, EL_SETTY, "-d", "-isig", NULL);
}

/* Puts the terminal in editing mode now, so keys typed the moment the prompt appears are
   already read as keys: el_gets itself prints the prompt first and, when input is waiting,
   reads it in line mode. */
static inline int redbook_el_prepare_terminal(EditLine *el) {
    return el_set(el, EL_PREP_TERM, 1);
}

static inline int redbook_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

static inline int redbook_history_set_unique(History *h, int unique) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, unique);
}

static inline int redbook_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

/* The terminal's width in columns, or 0 when fd is not a terminal. */
static inline int redbook_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}
#endif
