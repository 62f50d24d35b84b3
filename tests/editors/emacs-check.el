;;; emacs-check.el --- run by tests/sh/editor-emacs.sh in emacs --batch  -*- lexical-binding: t; -*-
;; With okr-mode on `load-path': opens sample.okr (auto-mode-alist), checks
;; the faces of the tokens in expect.txt, comment settings, that
;; indent-region leaves the sample as written, and reads okrc's diagnostics
;; in $OKR_COMPILE_OUTPUT with the `okrc' compilation regexp.  Prints FAIL
;; lines and "checked N"; exits 1 on failure.
(require 'okr-mode)
(defvar okr-check-failed nil)
(defvar okr-check-count 0)
(defun okr-check-fail (fmt &rest args)
  (setq okr-check-failed t)
  (princ (concat "FAIL: " (apply #'format fmt args) "\n")))

(defconst okr-check-faces
  '(("comment" font-lock-comment-face font-lock-comment-delimiter-face)
    ("declaration" font-lock-keyword-face)
    ("keyword" font-lock-builtin-face)
    ("name" font-lock-function-name-face font-lock-type-face)
    ("string" font-lock-string-face)
    ("text" font-lock-string-face)
    ("escape" okr-escape-face)
    ("number" font-lock-constant-face)
    ("unit" font-lock-type-face)
    ("date" font-lock-constant-face)
    ("period" font-lock-constant-face)
    ("person" font-lock-variable-name-face)
    ("ignore" font-lock-preprocessor-face)
    ("rule" font-lock-constant-face)
    ("operator")
    ("ref" font-lock-variable-name-face)
    ("tag" font-lock-constant-face)
    ("plain"))
  "The class of expect.txt and the faces that may show it (none: no face).")

(let* ((dir (file-name-directory load-file-name))
       (buf (find-file-noselect (expand-file-name "sample.okr" dir))))
  (with-current-buffer buf
    (unless (eq major-mode 'okr-mode) (okr-check-fail "major mode is %s" major-mode))
    (unless (equal comment-start "# ") (okr-check-fail "comment-start is %S" comment-start))
    (font-lock-ensure)
    (with-temp-buffer
      (insert-file-contents (expand-file-name "expect.txt" dir))
      (dolist (row (split-string (buffer-string) "\n" t))
        (unless (string-prefix-p "#" row)
          (pcase-let* ((`(,lnum ,spec ,class) (split-string row "\t"))
                       (nth (if (string-match "#\\([0-9]+\\)\\'" spec)
                                (string-to-number (match-string 1 spec)) 1))
                       (text (replace-regexp-in-string "#[0-9]+\\'" "" spec))
                       (faces (cdr (assoc class okr-check-faces))))
            (with-current-buffer buf
              (goto-char (point-min))
              (forward-line (1- (string-to-number lnum)))
              (let ((eol (line-end-position)) (found t))
                (dotimes (_ nth) (setq found (and found (search-forward text eol t))))
                (if (not found)
                    (okr-check-fail "%s is not on line %s" spec lnum)
                  (setq okr-check-count (1+ okr-check-count))
                  (catch 'done
                    (dotimes (i (length text))
                      (let* ((pos (+ (- (point) (length text)) i))
                             (face (get-text-property pos 'face))
                             (list (if (listp face) face (list face))))
                        (unless (if faces (seq-some (lambda (f) (memq f list)) faces) (null face))
                          (okr-check-fail "%s:%d %s (%s) should be %S, is %S" lnum
                                          (1+ (- pos (line-beginning-position))) text class faces face)
                          (throw 'done nil)))))))))))))
    ;; Indentation: re-indenting the sample keeps it as written.
    (let ((before (buffer-string)))
      (indent-region (point-min) (point-max))
      (unless (equal before (buffer-string))
        (let ((a (split-string before "\n")) (b (split-string (buffer-string) "\n")) (n 1))
          (while a
            (unless (equal (car a) (car b))
              (okr-check-fail "indent of line %d: %S became %S" n (car a) (car b)))
            (setq a (cdr a) b (cdr b) n (1+ n))))))
    (set-buffer-modified-p nil))
  (princ (format "checked %d\n" okr-check-count))

;; The compilation regexp against real okrc output: FILE:LINE:COL:TYPE
;; (2 error, 1 warning, 0 info) for each diagnostic and note line.
(unless (memq 'okrc compilation-error-regexp-alist) (okr-check-fail "okrc is not in compilation-error-regexp-alist"))
(let ((spec (cdr (assq 'okrc compilation-error-regexp-alist-alist))))
  (with-temp-buffer
    (insert-file-contents (getenv "OKR_COMPILE_OUTPUT"))
    (goto-char (point-min))
    (while (re-search-forward (car spec) nil t)
      (princ (format "compile %s:%s:%s:%d\n" (match-string 1) (match-string 2) (match-string 3)
                     (cond ((match-beginning 4) 1) ((match-beginning 5) 0) (t 2)))))))
;; eglot (Emacs 29 has it; the stand-in eglot.el the test writes here)
;; learns to start okrc lsp for okr-mode once it is loaded.
(require 'eglot)
(unless (equal (assq 'okr-mode eglot-server-programs) '(okr-mode "okrc" "lsp"))
  (okr-check-fail "eglot does not know okrc lsp for okr-mode: %S" eglot-server-programs))
(kill-emacs (if okr-check-failed 1 0))
