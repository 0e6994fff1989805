package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/embargo-screening/embargo/internal/engine"
	"github.com/embargo-screening/embargo/internal/store"
	"github.com/embargo-screening/embargo/internal/wire"
)

func entitiesCmd(e *env) *cobra.Command {
	c := &cobra.Command{Use: "entities", Short: "Show listed entities"}
	c.AddCommand(&cobra.Command{
		Use:   "show ID",
		Short: "Show an entity: every field, its programmes, and its history across the versions of its list",
		Long: "Show an entity by its id (<dataset>:<source_id>, as screen prints it), as it is in the\n" +
			"newest version that holds it, with what each version of its list did to it.",
		Args: rangeArgs(1, 1),
		RunE: func(c *cobra.Command, args []string) error {
			st, err := e.open(true)
			if err != nil {
				return err
			}
			defer st.Close()
			h, err := engine.EntityHistory(e.ctx, st, args[0])
			if err != nil {
				if errors.Is(err, store.ErrNotFound) {
					return usagef("%v", err)
				}
				return err
			}
			latest := h.Entries[len(h.Entries)-1]
			out := wire.FromHistory(h, latest.Present)
			if e.json {
				return e.printJSON(out)
			}
			printEntity(e.stdout, h)
			return nil
		},
	})
	return c
}

func printEntity(w io.Writer, h *engine.History) {
	en := h.Entity
	fmt.Fprintf(w, "%s  %s  %s\n", en.ID, en.Schema, en.Caption())
	fmt.Fprintf(w, "as in %s version %d (published %s)\n", h.Version.Dataset, h.Version.Number, h.Version.Published)
	line := func(label string, vals ...string) {
		var vs []string
		for _, v := range vals {
			if v != "" {
				vs = append(vs, v)
			}
		}
		if len(vs) > 0 {
			fmt.Fprintf(w, "  %-15s %s\n", label, strings.Join(vs, "; "))
		}
	}
	for _, n := range en.Names {
		label := strings.ReplaceAll(string(n.Kind), "_", " ")
		text := n.Full
		if n.Script != "" && n.Script != "Latn" {
			text += " [" + n.Script + "]"
		}
		line(label, text)
	}
	var dates []string
	for _, d := range en.BirthDates {
		dates = append(dates, dateText(d))
	}
	line("born", dates...)
	line("birth place", en.BirthPlaces...)
	line("nationality", en.Nationalities...)
	line("citizenship", en.Citizenships...)
	line("country", en.Countries...)
	line("gender", en.Gender)
	for _, a := range en.Addresses {
		line("address", addressText(a))
	}
	for _, id := range en.Identifiers {
		line("identifier", identifierText(id))
	}
	line("title", en.Titles...)
	line("position", en.Positions...)
	line("programme", en.Programs...)
	line("authority", en.Authority)
	line("listed on", en.ListedOn)
	line("measure", en.Measures...)
	line("linked to", en.LinkedTo...)
	if v := en.Vessel; v != nil {
		kv := func(k, v string) string {
			if v == "" {
				return ""
			}
			return k + " " + v
		}
		line("vessel", kv("type", v.Type), kv("flag", v.Flag), kv("call sign", v.CallSign), kv("tonnage", v.Tonnage),
			kv("gross tonnage", v.GrossTonnage), kv("built", v.BuildYear), kv("owner", v.Owner))
	}
	for k, vs := range en.Properties {
		line(k, vs...)
	}
	for _, r := range en.Remarks {
		line("remark", r)
	}
	fmt.Fprintf(w, "history (first seen %s, last changed %s):\n", h.FirstSeen, h.LastChange)
	for _, e := range h.Entries {
		v := e.Version
		extra := ""
		if len(e.Fields) > 0 {
			words := make([]string, len(e.Fields))
			for i, f := range e.Fields {
				words[i] = fieldWords(f)
			}
			extra = ": " + strings.Join(words, ", ")
		}
		fmt.Fprintf(w, "  version %d  published %s  %s%s\n", v.Number, v.Published, e.Status, extra)
	}
	if len(h.Changes) > 0 {
		fmt.Fprintln(w, "latest changes:")
		for _, f := range h.Changes {
			for _, v := range f.Added {
				fmt.Fprintf(w, "  %s added: %s\n", fieldWords(f.Field), valueText(f.Field, v))
			}
			for _, v := range f.Removed {
				fmt.Fprintf(w, "  %s removed: %s\n", fieldWords(f.Field), valueText(f.Field, v))
			}
		}
	}
}
