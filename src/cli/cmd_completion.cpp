// delight completion: a bash or zsh completion script generated from the CLI11 command tree
// at run time (subcommands, options, option values), so it cannot drift from the commands.
// Touchpoint and function ids come from the project at completion time, through the hidden
// `delight completion --ids KIND`.
#include "command.hpp"
#include "delight/project.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <sstream>

namespace delight::cli {
namespace {

struct CompletionOptions {
    std::string shell;
    std::string ids;
};

/// What an option's value (or a command's positional argument) completes to, as the generated
/// script's `_delight_values` reports it: "flag" (no value), "any" (a value, nothing to offer),
/// "files", "dirs", "formats", "ids KIND", "words A B …" or "wordlist A B …" (comma-separated).
std::string value_kind(CLI::Option* opt) {
    if (opt->get_expected_max() == 0 || opt->get_type_size_max() == 0) return "flag";
    for (const std::string& name : opt->get_lnames()) {
        if (name == "format") return "formats";
        if (name == "touchpoint") return "ids touchpoints";
        if (name == "function") return "ids functions";
    }
    // The values of an IsMember check: CLI11 describes it as "{a,b,c}".
    for (int i = 0;; ++i) {
        CLI::Validator* v = nullptr;
        try {
            v = opt->get_validator(i);
        } catch (const CLI::OptionNotFound&) {
            break;
        }
        std::string d = v->get_description();
        if (d.size() < 2 || d.front() != '{' || d.back() != '}') continue;
        std::string words;
        for (char c : d.substr(1, d.size() - 2))
            words += c == ',' ? ' ' : c;
        return (opt->get_delimiter() != '\0' ? "wordlist " : "words ") + words;
    }
    // Else a choice the description spells "a|b|c" (e.g. brainstorm's "--kind").
    std::istringstream description(opt->get_description());
    for (std::string token; description >> token;) {
        while (!token.empty() && (token.back() == ',' || token.back() == ')' ||
                                  token.back() == ';' || token.back() == '.'))
            token.pop_back();
        if (token.find('|') == std::string::npos) continue;
        bool plain = true;
        for (char& c : token) {
            if (c == '|')
                c = ' ';
            else if (!((c >= 'a' && c <= 'z') || c == '-'))
                plain = false;
        }
        if (plain) return "words " + token;
    }
    std::string type = opt->get_type_name();
    if (opt->get_positional() && (type.empty() || type == "TEXT")) type = opt->get_name(true);
    if (type == "DIR") return "dirs";
    if (type.find("FILE") != std::string::npos || type.find('.') != std::string::npos)
        return "files";
    return "any";
}

/// The formats a command's footer names after "(-O)": "Formats (-O): table (the default),
/// markdown, csv, json." → "table markdown csv json". Empty when the footer names none.
std::string footer_formats(const std::string& footer) {
    std::size_t at = footer.find("(-O)");
    if (at == std::string::npos) return "";
    at = footer.find(':', at);
    if (at == std::string::npos) return "";
    std::string text;
    int depth = 0;
    for (char c : footer.substr(at + 1)) {
        if (c == '(')
            ++depth;
        else if (c == ')')
            --depth;
        else if (depth == 0 && (c == '.' || c == ';' || c == '\n'))
            break;
        else if (depth == 0)
            text += c;
    }
    std::istringstream in(text);
    std::string item, words;
    while (std::getline(in, item, ',')) {
        std::istringstream first(item);
        std::string word;
        if (first >> word) words += (words.empty() ? "" : " ") + word;
    }
    return words;
}

/// The formats the top-level -O lists in its description ("table|markdown|csv|json …").
std::string common_formats(CLI::App& root) {
    std::string d = root.get_option("--format")->get_description();
    std::size_t a = d.find(':');
    std::string list = d.substr(a == std::string::npos ? 0 : a + 1);
    std::istringstream in(list);
    std::string first;
    in >> first;
    for (char& c : first)
        if (c == '|') c = ' ';
    return first;
}

/// One line of a shell `case`: 'key') REPLY='value' ;;
void case_line(std::ostream& out, const std::string& key, const std::string& value) {
    out << fmt::format("    '{}') REPLY='{}' ;;\n", key, value);
}

std::vector<CLI::App*> visible_subcommands(CLI::App& app) {
    std::vector<CLI::App*> subs;
    for (CLI::App* s : app.get_subcommands([](CLI::App* a) { return !a->get_group().empty(); }))
        subs.push_back(s);
    return subs;
}

struct Tables {
    std::ostringstream subcommands, options, values, positional, formats;
};

void walk(CLI::App& app, const std::string& path, const std::string& fallback_formats, Tables& t) {
    std::string subs;
    for (CLI::App* s : visible_subcommands(app))
        subs += (subs.empty() ? "" : " ") + s->get_name();
    if (!subs.empty()) case_line(t.subcommands, path, subs);
    std::string names;
    std::string positional = "none";
    for (CLI::Option* opt : app.get_options()) {
        if (opt->get_group().empty()) continue; // hidden
        if (opt->get_lnames().empty() && opt->get_snames().empty()) {
            if (opt->get_positional()) positional = value_kind(opt);
            continue;
        }
        const std::string kind = value_kind(opt);
        for (const std::string& s : opt->get_snames()) {
            names += (names.empty() ? "-" : " -") + s;
            if (kind != "flag") case_line(t.values, path + "|-" + s, kind);
        }
        for (const std::string& l : opt->get_lnames()) {
            names += (names.empty() ? "--" : " --") + l;
            if (kind != "flag") case_line(t.values, path + "|--" + l, kind);
        }
    }
    case_line(t.options, path, names);
    if (positional != "none") case_line(t.positional, path, positional);
    std::string formats = footer_formats(app.get_footer());
    // Commands whose footer names no format take none; the top level lists the common ones.
    if (path.empty() && formats.empty()) formats = fallback_formats;
    if (!formats.empty()) case_line(t.formats, path, formats);
    for (CLI::App* s : visible_subcommands(app))
        walk(*s, path.empty() ? s->get_name() : path + " " + s->get_name(), fallback_formats, t);
}

/// The data functions both shells share (POSIX `case`, answers in REPLY).
std::string data_functions(CLI::App& root) {
    Tables t;
    walk(root, "", common_formats(root), t);
    std::ostringstream out;
    out << "# Generated by `delight completion` from delight " DELIGHT_VERSION "'s command tree.\n"
           "# Each function answers in REPLY. A command path is the subcommands typed, joined "
           "by spaces.\n\n";
    out << "# The subcommands of a command path.\n_delight_subcommands() {\n  case \"$1\" in\n"
        << t.subcommands.str() << "    *) REPLY='' ;;\n  esac\n}\n\n";
    out << "# The options of a command path (the common options of '' apply to every "
           "command).\n_delight_options() {\n  case \"$1\" in\n"
        << t.options.str() << "    *) REPLY='' ;;\n  esac\n}\n\n";
    out << "# What the value of option $2 of command path $1 completes to: flag (no value), "
           "any,\n# files, dirs, formats, ids KIND, words A B …, wordlist A B … "
           "(comma-separated).\n_delight_values() {\n  case \"$1|$2\" in\n"
        << t.values.str()
        << "    *) [ -n \"$1\" ] && _delight_values '' \"$2\" || REPLY=flag ;;\n  esac\n}\n\n";
    out << "# What the positional arguments of a command path complete to.\n"
           "_delight_positional() {\n  case \"$1\" in\n"
        << t.positional.str() << "    *) REPLY=none ;;\n  esac\n}\n\n";
    out << "# The output formats (-O) of a command path.\n_delight_formats() {\n  case \"$1\" "
           "in\n"
        << t.formats.str() << "    *) REPLY='' ;;\n  esac\n}\n\n";
    return out.str();
}

// The command path walk (`cmdpath`: zsh ties `path` to PATH): words before the cursor, skipping
// options and their values; -C and --project are kept so that ids come from the project the command
// line names.
constexpr const char* bash_driver = R"SH(_delight() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev='' cmdpath='' i w kind
  local -a project=()
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    case $w in
      -C|--project) project+=("$w" "${COMP_WORDS[i+1]-}") ;;
    esac
    case $w in
      --*=*|=) continue ;;
      -?*)
        _delight_values "$cmdpath" "$w"
        [ "$REPLY" != flag ] && [ "${COMP_WORDS[i+1]-}" != = ] && ((i++))
        [ "${COMP_WORDS[i+1]-}" = = ] && ((i += 2))
        continue ;;
    esac
    _delight_subcommands "$cmdpath"
    case " $REPLY " in *" $w "*) cmdpath=${cmdpath:+$cmdpath }$w ;; esac
  done
  if ((COMP_CWORD >= 2)); then
    prev=${COMP_WORDS[COMP_CWORD-1]}
    [ "$prev" = = ] && prev=${COMP_WORDS[COMP_CWORD-2]}
  fi
  [ "$cur" = = ] && cur=''
  kind=flag
  case $prev in -?*) _delight_values "$cmdpath" "$prev"; kind=$REPLY ;; esac
  if [ "$kind" = flag ]; then
    if [[ $cur == -* ]]; then
      _delight_options "$cmdpath"; local opts=$REPLY
      [ -n "$cmdpath" ] && { _delight_options ''; opts="$opts $REPLY"; }
      COMPREPLY=($(compgen -W "$opts" -- "$cur"))
      return
    fi
    _delight_subcommands "$cmdpath"
    if [ -n "$REPLY" ]; then COMPREPLY=($(compgen -W "$REPLY" -- "$cur")); return; fi
    _delight_positional "$cmdpath"; kind=$REPLY
  fi
  case $kind in
    words\ *) COMPREPLY=($(compgen -W "${kind#words }" -- "$cur")) ;;
    wordlist\ *)
      local before=''
      [[ $cur == *,* ]] && before=${cur%,*},
      COMPREPLY=($(compgen -P "$before" -W "${kind#wordlist }" -- "${cur##*,}"))
      compopt -o nospace 2>/dev/null ;;
    formats)
      _delight_formats "$cmdpath"
      COMPREPLY=($(compgen -W "$REPLY" -- "$cur")) ;;
    ids\ *)
      local ids
      ids=$("${COMP_WORDS[0]}" "${project[@]}" completion --ids "${kind#ids }" 2>/dev/null)
      COMPREPLY=($(compgen -W "$ids" -- "$cur")) ;;
    files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    dirs) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")) ;;
  esac
}
complete -F _delight delight
)SH";

constexpr const char* zsh_driver = R"SH(_delight() {
  local cur=${words[CURRENT]} prev='' cmdpath='' i w kind REPLY
  local -a project candidates
  for ((i = 2; i < CURRENT; i++)); do
    w=${words[i]}
    case $w in
      -C|--project) project+=("$w" "${words[i+1]}") ;;
    esac
    case $w in
      --*=*) continue ;;
      -?*)
        _delight_values "$cmdpath" "$w"
        [ "$REPLY" != flag ] && ((i++))
        continue ;;
    esac
    _delight_subcommands "$cmdpath"
    case " $REPLY " in *" $w "*) cmdpath=${cmdpath:+$cmdpath }$w ;; esac
  done
  ((CURRENT >= 3)) && prev=${words[CURRENT-1]}
  if [[ $cur == --*=* ]]; then
    prev=${cur%%=*}
    compset -P '*='
    cur=${cur#*=}
  fi
  kind=flag
  case $prev in -?*) _delight_values "$cmdpath" "$prev"; kind=$REPLY ;; esac
  if [ "$kind" = flag ]; then
    if [[ $cur == -* ]]; then
      _delight_options "$cmdpath"; candidates=(${=REPLY})
      [ -n "$cmdpath" ] && { _delight_options ''; candidates+=(${=REPLY}); }
      compadd -a candidates
      return
    fi
    _delight_subcommands "$cmdpath"
    if [ -n "$REPLY" ]; then candidates=(${=REPLY}); compadd -a candidates; return; fi
    _delight_positional "$cmdpath"; kind=$REPLY
  fi
  case $kind in
    words\ *) candidates=(${=kind#words }); compadd -a candidates ;;
    wordlist\ *) candidates=(${=kind#wordlist }); _values -s , 'value' $candidates ;;
    formats) _delight_formats "$cmdpath"; candidates=(${=REPLY}); compadd -a candidates ;;
    ids\ *)
      candidates=(${(f)"$(${words[1]} $project completion --ids ${kind#ids } 2>/dev/null)"})
      compadd -a candidates ;;
    files) _files ;;
    dirs) _files -/ ;;
  esac
}
)SH";

/// Prints the ids of one kind from the nearest project; nothing (and exit 0) when there is no
/// readable project, so a completion never prints an error into the user's prompt.
int print_ids(const CommonOptions& common, const std::string& kind) {
    try {
        io::ProjectLocation where = io::find_project(common.directory, common.project_file);
        Diagnostics diags;
        Project project = io::load_project(where, diags);
        std::vector<std::string> ids;
        if (kind == "touchpoints") ids = project.touchpoints;
        if (kind == "functions") ids = project.functions;
        if (kind == "expectations")
            for (const Expectation& e : project.expectations)
                ids.push_back(e.id);
        for (const std::string& id : ids)
            std::cout << id << '\n';
    } catch (const std::exception&) {
        // Outside a project, or an unreadable one: nothing to offer.
    }
    return 0;
}

int run_completion(CLI::App& root, const CommonOptions& common, const CompletionOptions& opts) {
    if (!opts.ids.empty()) return print_ids(common, opts.ids);
    if (opts.shell.empty())
        throw Error(ExitCode::usage, Location{}, "name the shell: delight completion bash|zsh");
    if (opts.shell == "bash") {
        std::cout << "# bash completion for delight"
                     "\n# Load it with: source <(delight completion bash)\n"
                  << data_functions(root) << bash_driver;
    } else {
        std::cout << "#compdef delight\n# zsh completion for delight: save it as _delight in "
                     "a folder of $fpath.\n"
                  << data_functions(root) << zsh_driver
                  << "\nif [ \"$funcstack[1]\" = _delight ]; then _delight \"$@\"; "
                     "else compdef _delight delight; fi\n";
    }
    return 0;
}

} // namespace

void register_completion(CLI::App& app, const CommonOptions& common, Action& selected) {
    auto opts = std::make_shared<CompletionOptions>();
    CLI::App* cmd = app.add_subcommand(
        "completion", "Print a bash or zsh completion script for delight (subcommands, "
                      "options, formats, and touchpoint and function ids of the project).");
    cmd->add_option("shell", opts->shell, "The shell: bash|zsh")
        ->check(CLI::IsMember({"bash", "zsh"}));
    cmd->add_option("--ids", opts->ids, "Print the ids of KIND in the nearest project")
        ->check(CLI::IsMember({"touchpoints", "functions", "expectations"}))
        ->group("");
    cmd->footer("Packages install the scripts to share/bash-completion/completions/delight and "
                "share/zsh/vendor-completions/_delight.\n\nExamples:\n"
                "  source <(delight completion bash)\n"
                "  delight completion zsh > ~/.zfunc/_delight");
    cmd->callback([&app, &common, opts, &selected] {
        selected = [&app, &common, opts] { return run_completion(app, common, *opts); };
    });
}

} // namespace delight::cli
