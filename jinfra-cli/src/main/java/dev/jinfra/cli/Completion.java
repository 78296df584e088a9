package dev.jinfra.cli;

import dev.jinfra.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The bash completion script. picocli's {@code AutoComplete} writes a function per command of the {@link
 * CommandModel}, completing its options and the values of options with a few fixed ones; its entry point, though,
 * looks for a subcommand anywhere on the line and offers subcommands first, while jinfra's line starts with an
 * inventory ({@code jinfra web.yaml exec ...}, {@code jinfra web.yaml deploy.java}). So the script ends with an
 * entry point of jinfra's own: it completes the first two words (an inventory or a command that comes alone;
 * then an action, an operation or deploy files), an operation's argument names, and files after options that take
 * one, and hands the rest to picocli's function for the action.
 */
final class Completion {
    private Completion() {}

    private static final String PICOCLI_ENTRY =
            "complete -F _complete_jinfra -o default jinfra jinfra.sh jinfra.bash\n";

    static String bash() {
        CommandLine model = CommandModel.build();
        String picocli = AutoComplete.bash("jinfra", model);
        if (!picocli.endsWith(PICOCLI_ENTRY)) {
            throw new IllegalStateException("picocli's completion script no longer ends with its complete command");
        }
        return picocli.substring(0, picocli.length() - PICOCLI_ENTRY.length()) + entryPoint(model);
    }

    private static String entryPoint(CommandLine model) {
        Set<String> valueOptions = new TreeSet<>();
        Set<String> fileOptions = new TreeSet<>();
        for (CommandLine command : commands(model)) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                String label = option.paramLabel();
                if (option.arity().max() > 0) {
                    valueOptions.addAll(List.of(option.names()));
                    if (label.equals("FILE") || label.equals("PATH")) {
                        fileOptions.addAll(List.of(option.names()));
                    }
                }
            }
        }
        String actions = Stream.concat(Stream.of("exec", "fact"), Catalog.operationNames().stream())
                .collect(Collectors.joining(" "));
        StringBuilder arguments = new StringBuilder();
        Catalog.operationTypes()
                .forEach((name, type) -> arguments
                        .append("    ")
                        .append(name)
                        .append(") words=\"")
                        .append(Stream.of(type.getRecordComponents())
                                .map(c -> c.getName() + "=")
                                .collect(Collectors.joining(" ")))
                        .append("\"; function=_picocli_jinfra_")
                        .append(CommandModel.OPERATION)
                        .append(" ;;\n"));
        return """

                # The options that take a value: the word after one is its value.
                _jinfra_value_options=" %s "

                # jinfra's entry point, in place of picocli's (see above), for a line that starts with an inventory:
                #   jinfra INVENTORY|demo|init|report|completion|help
                #   jinfra INVENTORY exec|fact|OPERATION|DEPLOY.java ...
                function _jinfra() {
                  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} i
                  COMPREPLY=()
                  # After --, the words are the remote command's own.
                  for (( i = 1; i < COMP_CWORD; i++ )); do
                    [[ ${COMP_WORDS[i]} == -- ]] && return 0
                  done
                  case $prev in
                    --limit)
                      # Groups and hosts of the inventory (the line's first word), for the part of the pattern
                      # after its last comma or colon, and after a leading & or !.
                      (( COMP_CWORD > 2 )) || return 0
                      local part=${cur##*[,:]} head names
                      head=${cur%%"$part"}
                      if [[ $part == [\\&!]* ]]; then head+=${part:0:1}; part=${part:1}; fi
                      names=$("${COMP_WORDS[0]}" __names "${COMP_WORDS[1]}" 2>/dev/null) || return 0
                      _jinfra_reply < <(compgen -W "$names" -P "$head" -- "$part")
                      return 0 ;;
                    %s)
                      _jinfra_files
                      _jinfra_reply < <(compgen -f -- "$cur")
                      return 0 ;;
                  esac
                  if (( COMP_CWORD == 1 )); then
                    if [[ $cur == -* ]]; then
                      _jinfra_reply < <(compgen -W "--help --version" -- "$cur")
                    else
                      # An inventory file, or a command that takes none (targets such as web-[01-50] are typed).
                      _jinfra_files
                      _jinfra_reply < <(compgen -W "%s" -- "$cur"; compgen -f -- "$cur")
                    fi
                    return 0
                  fi
                  case ${COMP_WORDS[1]} in
                    %s) "_picocli_jinfra_${COMP_WORDS[1]}"; return $? ;;
                  esac
                  if (( COMP_CWORD == 2 )) && [[ $cur != -* ]]; then
                    _jinfra_files
                    _jinfra_reply < <(compgen -W "%s" -- "$cur"; compgen -f -X '!*.java' -- "$cur"; compgen -d -- "$cur")
                    return 0
                  fi
                  local action=${COMP_WORDS[2]} words="" function=""
                  if [[ $action == *.java ]]; then
                    # Deploy files: more of them, or the deploy options (the root command's).
                    if [[ $cur == -* || $_jinfra_value_options == *" $prev "* ]]; then _picocli_jinfra; return $?; fi
                    _jinfra_files
                    _jinfra_reply < <(compgen -f -X '!*.java' -- "$cur"; compgen -d -- "$cur")
                    return 0
                  fi
                  # An operation: its arguments by name (up to the = that ends the name), or the options all share.
                  case $action in
                %s    *) function="_picocli_jinfra_${action//[^[:alnum:]_]/}" ;;
                  esac
                  if [[ -n $words && $cur != -* && $cur != *=* && $_jinfra_value_options != *" $prev "* ]]; then
                    type compopt &>/dev/null && compopt -o nospace
                    _jinfra_reply < <(compgen -W "$words" -- "$cur")
                    return 0
                  fi
                  if declare -F "$function" >/dev/null; then "$function"; return $?; fi
                  return 0
                }

                # Adds each line of standard input to COMPREPLY: one reply a line, so file names may hold spaces.
                function _jinfra_reply() {
                  local line
                  while IFS= read -r line; do COMPREPLY+=("$line"); done
                }

                # The replies are file names: bash quotes them and marks directories.
                function _jinfra_files() {
                  type compopt &>/dev/null && compopt -o filenames
                }

                complete -F _jinfra -o default jinfra
                """.formatted(
                        String.join(" ", valueOptions),
                        String.join("|", fileOptions),
                        String.join(" ", CommandModel.ALONE),
                        String.join("|", CommandModel.ALONE),
                        actions,
                        arguments);
    }

    /**
     * Prints the inventory's group names and host names, one a line, for completing {@code --limit}; prints
     * nothing when it cannot be read (completion must not print errors into the line being typed). Nothing is
     * decrypted: an Ansible vault's values stay as they are, and no password is asked for.
     */
    static int names(String inventory, Console console) {
        dev.jinfra.inventory.Inventory read;
        try {
            read = dev.jinfra.inventory.InventoryLoader.load(inventory, console.cwd());
        } catch (RuntimeException e) {
            return ExitCode.USAGE;
        }
        Set<String> names = new java.util.LinkedHashSet<>(read.groups().keySet());
        read.hosts().forEach(h -> names.add(h.name()));
        names.forEach(console.out()::println);
        return ExitCode.OK;
    }

    /** The model's root and every command under it. */
    private static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>(List.of(root));
        all.addAll(root.getSubcommands().values());
        return all;
    }
}
