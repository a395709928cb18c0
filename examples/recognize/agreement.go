package main

import (
	"errors"
	"flag"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/jxgreen/jxgreen/brand"
	"github.com/jxgreen/jxgreen/brand/fold"
	"github.com/jxgreen/jxgreen/brand/i18n"
	"github.com/jxgreen/jxgreen/recognition"
)

// agreementFlags are the flags that choose the terms: -agreement FILE
// (repeatable) replaces the documented default terms for the schemes its
// agreements cover, -recognizer ID judges by a partner's terms (records of
// 江西绿色生态 certificates, then), and -agreement-schema prints the
// schema of agreement files.
type agreementFlags struct {
	files       []string
	recognizer  string
	printSchema bool
}

func (f *agreementFlags) register(fs *flag.FlagSet) {
	fs.Func("agreement", "", func(s string) error { f.files = append(f.files, s); return nil })
	fs.StringVar(&f.recognizer, "recognizer", "", "")
	fs.BoolVar(&f.printSchema, "agreement-schema", false, "")
}

// terms loads the agreement files and settles the recognizer: the one
// -recognizer names, or else the one the files name, or else 江西绿色生态.
// It returns a message for a person when it cannot.
func (f *agreementFlags) terms(tag language.Tag) (*recognition.Agreements, brand.ID, string) {
	t := func(key string, a ...any) string { return i18n.Sprintf(tag, key, a...) }
	var all []recognition.Agreement
	from := map[string]string{}            // agreement id to its file
	starts := make([]int, 0, len(f.files)) // index in all of each file's first agreement
	for _, name := range f.files {
		starts = append(starts, len(all))
		file, err := os.Open(name)
		if err != nil {
			return nil, "", t("recognize.agreement-open", err)
		}
		list, err := recognition.LoadAgreements(file)
		file.Close()
		var ae *recognition.AgreementError
		if errors.As(err, &ae) {
			ae.File = name
			return nil, "", ae.Localize(tag)
		}
		if err != nil {
			return nil, "", t("recognize.agreement-open", err)
		}
		for _, a := range list {
			from[a.ID] = name
		}
		all = append(all, list...)
	}
	set, err := recognition.NewAgreements(all...)
	if err != nil {
		var ae *recognition.AgreementError
		if errors.As(err, &ae) {
			inFile(ae, f.files, starts)
		}
		return nil, "", t("recognize.agreement-conflict", i18n.Error(err, tag))
	}
	named := set.Recognizers()
	var recognizer brand.ID
	switch {
	case f.recognizer != "":
		id, ok := recognizerID(f.recognizer)
		if !ok {
			return nil, "", t("recognize.bad-recognizer", f.recognizer)
		}
		recognizer = id
	case len(named) > 1:
		ids := make([]string, len(named))
		for i, id := range named {
			ids[i] = string(id)
		}
		return nil, "", t("recognize.several-recognizers", strings.Join(ids, ", "))
	case len(named) == 1:
		recognizer = named[0]
	default:
		recognizer = brand.JiangxiGreen
	}
	for _, a := range all {
		if a.Recognizer.ID != recognizer {
			return nil, "", t("recognize.other-recognizer", from[a.ID], string(a.Recognizer.ID), string(recognizer))
		}
	}
	return set, recognizer, ""
}

// inFile turns the pointer of a conflict between the agreements of all the
// files ("/agreements/i/…", i counting in all of them) into the file the
// i-th agreement comes from and its pointer in that file; starts holds
// the index of each file's first agreement.
func inFile(ae *recognition.AgreementError, files []string, starts []int) {
	rest, ok := strings.CutPrefix(ae.Pointer, "/agreements/")
	if !ok {
		return
	}
	num, tail, _ := strings.Cut(rest, "/")
	i, err := strconv.Atoi(num)
	if err != nil || i < 0 {
		return
	}
	for k := len(starts) - 1; k >= 0; k-- {
		if i >= starts[k] {
			ae.File = files[k]
			ae.Pointer = "/agreements/" + strconv.Itoa(i-starts[k])
			if tail != "" {
				ae.Pointer += "/" + tail
			}
			return
		}
	}
}

// recognizerID reads -recognizer: a scheme id or name of a registered
// adapter, or of 江西绿色生态.
func recognizerID(s string) (brand.ID, bool) {
	if strings.Contains(s, "@") {
		return "", false // one scheme's records in another's format recognise nothing
	}
	if a, ok := recognition.Lookup(s); ok {
		if _, env := a.(recognition.Envelope); !env {
			return a.Brand().ID, true
		}
		return "", false // a format recognises nothing
	}
	jx := brand.JiangxiGreenEcology()
	for _, n := range append([]string{string(jx.ID), jx.EnglishName}, jx.Names()...) {
		if fold.Title(n) == fold.Title(s) {
			return jx.ID, true
		}
	}
	return "", false
}

// agreementRows are the rows of the summary's table of the terms applied:
// each id and version, the documented defaults said to be so.
func agreementRows(s recognition.Summary, tag language.Tag) []row {
	refs := make([]recognition.AgreementRef, 0, len(s.Agreements))
	for r := range s.Agreements {
		refs = append(refs, r)
	}
	slices.SortFunc(refs, func(a, b recognition.AgreementRef) int {
		if s.Agreements[a] != s.Agreements[b] {
			return s.Agreements[b] - s.Agreements[a]
		}
		return strings.Compare(a.String(), b.String())
	})
	rows := make([]row, len(refs))
	for i, r := range refs {
		label := r.String()
		switch {
		case r.IsDefault():
			label = i18n.Sprintf(tag, "recognize.defaults", label)
		case r.ID == "":
			label = i18n.Sprintf(tag, "recognize.no-agreement")
		}
		rows[i] = row{label, s.Agreements[r]}
	}
	return rows
}

// printAgreementSchema writes the schema of agreement files.
func printAgreementSchema(w io.Writer) error {
	_, err := w.Write(recognition.AgreementSchema())
	return err
}

func init() {
	i18n.Table("", [][3]string{
		{"recognize.by-agreement", "按协议：", "by agreement:"},
		{"recognize.defaults", "%s（默认条款：无公开协议）", "%s (defaults: no agreement is public)"},
		{"recognize.no-agreement", "（无协议）", "(no agreement)"},
		{"recognize.agreement-open", "无法读取协议文件：%v", "cannot read an agreement file: %v"},
		{"recognize.agreement-conflict", "协议文件相互冲突：%s", "the agreement files conflict: %s"},
		{"recognize.bad-recognizer", "-recognizer 应为已知方案的代号或名称（如 jxgreen、zhejiang），而不是 %q",
			"-recognizer must be the id or name of a known scheme (jxgreen, zhejiang …), not %q"},
		{"recognize.several-recognizers", "协议文件涉及多个认可方（%s）：请用 -recognizer 选定一个",
			"the agreement files name several recognizers (%s): choose one with -recognizer"},
		{"recognize.other-recognizer", "协议文件 %s 的认可方是 %s，而本次按 %s 的条款判定",
			"the agreement file %s is for the recognizer %s, but this run judges by the terms of %s"},
	})
}
