;;; okr-mode.el --- Major mode for OKR plans (.okr), the language of okrc  -*- lexical-binding: t; -*-

;; Author: the okrc project
;; Version: 0.1.0
;; Package-Requires: ((emacs "26.1"))
;; Keywords: languages
;; URL: https://github.com/okrc/okrc

;;; Commentary:

;; Highlighting, comments, indentation and `compile' support for the plans
;; okrc checks.  Put this file on `load-path' and (require 'okr-mode); .okr
;; files then open in `okr-mode'.  M-x compile with "okrc check FILE" jumps to
;; each diagnostic.  The keywords are those of okrc's scanner
;; (grammar/okr.l); okrc's tests fail when the two lists differ.

;;; Code:

(require 'compile)

(defgroup okr nil
  "Editing OKR plans checked by okrc."
  :group 'languages
  :prefix "okr-")

(defcustom okr-indent-offset 2
  "Columns each open brace indents."
  :type 'integer
  :safe #'integerp)

(defface okr-escape-face '((t :inherit font-lock-regexp-grouping-backslash))
  "Face of the escapes in strings: \\n \\t \\\" \\\\ \\u{HEX}.")

(defconst okr-declaration-keywords
  '("use" "plan" "team" "person" "perspective" "objective" "kr" "initiative"
    "checkin" "rules" "lexicon")
  "The keywords that declare something.
Inside a block, team and perspective name one instead.")

(defconst okr-keywords
  '("activity" "owner" "lead" "parent" "period" "committed" "aspirational"
    "aligns" "why" "note" "risk" "from" "to" "target" "keep" "milestone"
    "current" "done" "minimum" "due" "weight" "confidence" "supports"
    "status" "by" "grade" "dropped" "rollup" "tags")
  "The keywords of the items inside blocks.")

(defconst okr--name "[[:alpha:]_][[:alnum:]_-]*")

(defconst okr--number
  "\\(?:€\\|\\$\\)?-?[0-9]\\(?:_?[0-9]\\)*\\(?:\\.[0-9]+\\)?[kMB]?%?"
  "A number with its currency and scale.")

(defun okr--symbol (words)
  "A regexp matching any of WORDS as a whole symbol."
  (concat "\\_<" (regexp-opt words t) "\\_>"))

(defun okr--match-unit (limit)
  "Find the next unit before LIMIT: the word after a number that is no keyword."
  (let (found)
    (while (and (not found)
                (re-search-forward
                 (concat "\\(?:^\\|[^[:alnum:]_.]\\)" okr--number
                         "[ \t]+\\([[:alpha:]_][[:alnum:]_]*\\)\\_>")
                 limit t))
      (let ((word (match-string 1)))
        (if (or (member word okr-keywords) (member word okr-declaration-keywords)
                (memq (char-after (match-end 1)) '(?. ?-))
                (nth 8 (syntax-ppss (match-beginning 1))))
            (goto-char (match-beginning 1))
          (setq found t))))
    found))

(defconst okr-font-lock-keywords
  `((,(concat "\\_<\\(?:objective\\|kr\\|initiative\\|lexicon\\)[ \t]+\\(" okr--name "\\)")
     1 font-lock-function-name-face)
    (,(concat "^\\(?:team\\|perspective\\)[ \t]+\\(" okr--name "\\)") 1 font-lock-type-face)
    (,(okr--symbol okr-declaration-keywords) 1 font-lock-keyword-face)
    (,(okr--symbol okr-keywords) 1 font-lock-builtin-face)
    ;; a tag after `tags' (its # is no comment there: okr--syntax-propertize)
    ("\\(?:^\\|[ \t]\\)\\(#[A-Za-z_][A-Za-z0-9_-]*\\)" 1 font-lock-constant-face)
    (,(concat "\\_<" okr--name "\\." okr--name "\\_>") . font-lock-variable-name-face)
    ("@[[:alnum:]_.-]+" . font-lock-variable-name-face)
    ("\\_<[0-9]\\{4\\}-[0-9]\\{2\\}-[0-9]\\{2\\}\\(?:\\.\\.[0-9]\\{4\\}-[0-9]\\{2\\}-[0-9]\\{2\\}\\)?\\_>"
     . font-lock-constant-face)
    ("\\_<[0-9]\\{4\\}-\\(?:[HQ][0-9]+\\|W[0-9]\\{1,2\\}\\|[0-9]\\{2\\}\\)\\_>" . font-lock-constant-face)
    (okr--match-unit 1 font-lock-type-face)
    (,(concat "\\(?:^\\|[^[:alnum:]_.-]\\)\\(" okr--number "\\)\\(?:[^[:alnum:]_.]\\|$\\)")
     1 font-lock-constant-face)
    ("\\\\\\(?:[nt\"\\\\]\\|u{[[:xdigit:]]\\{1,6\\}}\\)" 0 'okr-escape-face prepend)
    ("#.*?\\(okrc-ignore:\\)[ \t]*\\([a-z][a-z0-9-]*\\(?:[ \t]*,[ \t]*[a-z][a-z0-9-]*\\)*\\)?"
     (1 font-lock-preprocessor-face t) (2 font-lock-constant-face t t)))
  "What `okr-mode' highlights beyond comments and strings.")

(defvar okr-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?# "<" table)
    (modify-syntax-entry ?\n ">" table)
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?\\ "\\" table)
    (modify-syntax-entry ?_ "_" table)
    (modify-syntax-entry ?- "_" table)
    (modify-syntax-entry ?@ "'" table)
    (modify-syntax-entry ?{ "(}" table)
    (modify-syntax-entry ?} "){" table)
    (modify-syntax-entry ?. "." table)
    (modify-syntax-entry ?= "." table)
    table)
  "Syntax table of `okr-mode': # comments, \"strings\", names with _ and -.")

(defun okr--syntax-propertize (start end)
  "Mark each \"\"\" between START and END that opens or closes text as a string fence.
A # that starts a tag after `tags' (tags #pricing #eu) is no comment."
  (goto-char start)
  (while (re-search-forward "\\_<tags\\(?:[ \t]+#[A-Za-z_][A-Za-z0-9_-]*\\)+" end t)
    (let ((tags-end (match-end 0)))
      (goto-char (match-beginning 0))
      (while (re-search-forward "#[A-Za-z_]" tags-end t)
        (put-text-property (match-beginning 0) (1+ (match-beginning 0))
                           'syntax-table (string-to-syntax "_")))
      (goto-char tags-end)))
  (goto-char start)
  (while (re-search-forward "\"\"\"" end t)
    (let* ((beg (match-beginning 0))
           (ppss (save-excursion (syntax-ppss beg))))
      ;; Not in a comment, nor inside a \"...\" string (a fence's own text is fine).
      ;; The fence is the first quote of an opening """ and the last of a
      ;; closing one, so that all three show as part of the text.
      (unless (or (nth 4 ppss) (characterp (nth 3 ppss)))
        (let ((fence (if (nth 3 ppss) (+ beg 2) beg)))
          (put-text-property beg (+ beg 3) 'syntax-table (string-to-syntax "."))
          (put-text-property fence (1+ fence) 'syntax-table (string-to-syntax "|")))))))

(defun okr-indent-line ()
  "Indent the current line: `okr-indent-offset' per open brace."
  (interactive)
  (let* ((ppss (save-excursion (syntax-ppss (line-beginning-position))))
         (in-text (eq (nth 3 ppss) t))
         (depth (car ppss))
         (target (save-excursion
                   (back-to-indentation)
                   (* okr-indent-offset
                      (max 0 (if (eq (char-after) ?}) (1- depth) depth)))))
         (offset (- (current-column) (current-indentation))))
    (unless in-text                     ; """text""" keeps its own lines
      (indent-line-to target)
      (when (> offset 0) (forward-char offset)))))

;;;###autoload
(define-derived-mode okr-mode prog-mode "OKR"
  "Major mode for OKR plans, the files okrc checks.

\\{okr-mode-map}"
  :syntax-table okr-mode-syntax-table
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+[ \t]*")
  (setq-local comment-end "")
  (setq-local indent-line-function #'okr-indent-line)
  (setq-local indent-tabs-mode nil)
  (setq-local syntax-propertize-function #'okr--syntax-propertize)
  (setq-local font-lock-defaults '(okr-font-lock-keywords))
  (setq-local compile-command
              (concat "okrc check --color=never "
                      (when buffer-file-name (shell-quote-argument (file-name-nondirectory buffer-file-name))))))

;; okrc's diagnostics: FILE:LINE:COL: error|warning|info|note: MESSAGE.
(add-to-list 'compilation-error-regexp-alist-alist
             '(okrc "^\\([^:\n]+\\):\\([0-9]+\\):\\([0-9]+\\): \\(?:error\\|\\(warning\\)\\|\\(info\\|note\\)\\): "
                    1 2 3 (4 . 5)))
(add-to-list 'compilation-error-regexp-alist 'okrc)

;; The language server, for eglot (built in from Emacs 29): `M-x eglot' in
;; an okr buffer starts `okrc lsp'.
(defvar eglot-server-programs)
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(okr-mode . ("okrc" "lsp"))))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.okr\\'" . okr-mode))

(provide 'okr-mode)
;;; okr-mode.el ends here
