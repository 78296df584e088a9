package dev.jinfra.ops.files;

import dev.jinfra.api.Arg;
import dev.jinfra.api.ChangeScope;
import dev.jinfra.api.Diffable;
import dev.jinfra.api.Doc;
import dev.jinfra.api.FactSource;
import dev.jinfra.api.Operation;
import dev.jinfra.api.Plan;
import dev.jinfra.command.Secret;
import dev.jinfra.inventory.Host;
import dev.jinfra.inventory.Inventory;
import dev.jinfra.inventory.RunHosts;
import dev.jinfra.template.DeferredValue;
import dev.jinfra.template.TemplateRenderer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code files.template}: a local Jinja2 template rendered with variables, then handled exactly like
 * {@code files.put} on the rendered bytes. Deploy code fills {@code vars} with the host's data, {@code host}
 * and its own variables ({@code FilesOperations.template}); from the command line or a fixture, {@code vars} is
 * whatever is given (nothing, on the command line). Rendering reads only the local template, so plans stay
 * deterministic per host.
 */
@Doc(
        name = "files.template",
        value =
                "A local Jinja2 template, rendered with the host's data, `host` (name, groups, data) and the deploy's variables (in Ansible's template environment for hosts from an Ansible inventory), is at a path on the host (uploaded only when its checksum differs, replaced atomically), with a mode, owner and group.",
        example =
                "files.template(\"templates/nginx.conf.j2\", \"/etc/nginx/nginx.conf\", java.util.Map.of(\"port\", 8080));")
public record Template(
        @Arg(value = "local Jinja2 template (relative to the working directory)", required = true)
        String src,

        @Arg(value = "path on the host", required = true) String dest,

        @Arg("octal permissions such as 644; unchanged when not given")
        String mode,

        @Arg("owning user; unchanged when not given") String owner,
        @Arg("owning group; unchanged when not given") String group,

        @Arg("template variables; deploy code passes the host's data, host and its own; none from the command line")
        Map<String, Object> vars,

        @Arg("render as Ansible's template module does (trim_blocks, Ansible's filters, lookup(), and from deploy"
                + " code inventory_hostname, groups, hostvars, ...); default: for hosts from an Ansible inventory")
        Boolean ansible)
        implements Operation, Diffable {
    // Jinjava instances are thread-safe for rendering, and setting one up is not free.
    private static final TemplateRenderer RENDERER = new TemplateRenderer();
    private static final TemplateRenderer ANSIBLE_RENDERER = TemplateRenderer.ansible();

    public Template {
        ContentInstall.check("files.template", src, dest, mode);
        // Variables may hold nulls (Map.copyOf refuses them); keep the caller's order for readable errors.
        vars = vars == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }

    @Override
    public String describe() {
        return "Template: " + src + " -> " + dest;
    }

    @Override
    public Plan plan(FactSource facts) {
        return install().plan(LocalFiles.Content.of(render()), facts);
    }

    @Override
    public String diff(FactSource facts) {
        String diff = install().diff(LocalFiles.Content.of(render()), facts);
        // A diff would print the rendered values, and vault-decrypted ones are shown nowhere.
        return diff != null && holdsSecrets() ? DIFF_HIDDEN_FOR_SECRETS : diff;
    }

    /**
     * Whether the variables hold a vault value: the host's own, or any host's when the template names
     * {@code hostvars}, through which it can read every host's. Values read lazily (a value that is a template
     * itself, {@code hostvars}, {@code host.data} of such a host) count only when the template names them.
     */
    private boolean holdsSecrets() {
        for (Map.Entry<String, Object> entry : vars.entrySet()) {
            Object value = entry.getValue();
            boolean lazy = value instanceof DeferredValue
                    || value instanceof Secret.SelfRevealing
                    || AnsibleVariables.isHostVars(value)
                    || (value instanceof Map<?, ?> map
                            && map.values().stream().anyMatch(Secret.SelfRevealing.class::isInstance));
            boolean secret = value instanceof DeferredValue deferred
                    ? deferred.mayHoldSecret()
                    : AnsibleVariables.isHostVars(value) ? AnsibleVariables.secretsIn(value) : Secret.anyIn(value);
            if (secret && (!lazy || source("files.template", src).contains(entry.getKey()))) {
                return true;
            }
        }
        return false;
    }

    static final String DIFF_HIDDEN_FOR_SECRETS =
            "content differs (diff hidden: the template's variables hold values from an ansible vault)";

    /**
     * What a deploy's template sees in plain Jinja2: all of the host's data, then {@code host} ({@code name},
     * {@code groups}, {@code data}, as in pyinfra), then the deploy's own variables, each overriding the ones before.
     */
    public static Map<String, Object> variables(Host host, Map<String, ?> extra) {
        return variables(host, null, extra, false);
    }

    /**
     * What a deploy's template sees. In Ansible's environment ({@code ansible}), Ansible's magic variables for the
     * run ({@code inventory_hostname}, {@code group_names}, {@code groups}, {@code hostvars},
     * {@code ansible_play_hosts}, {@code ansible_managed}, ...) come between the host's data and {@code host}.
     *
     * @param run the hosts the template may name; null for the host alone
     */
    public static Map<String, Object> variables(Host host, RunHosts run, Map<String, ?> extra, boolean ansible) {
        // A host whose values are templates gives them deferred, each evaluated when the template reads it.
        Map<String, Object> vars = new LinkedHashMap<>(host.templateVariables().orElse(host.data()));
        if (ansible) {
            RunHosts known = run != null ? run : RunHosts.of(Inventory.of("", List.of(host)));
            vars.putAll(AnsibleVariables.of(known.inventory()).forHost(host, known));
        }
        vars.put(
                "host",
                Map.of(
                        "name",
                        host.name(),
                        "groups",
                        host.groups(),
                        "data",
                        host.templateVariables().orElse(host.data())));
        vars.putAll(extra);
        return vars;
    }

    /** The rendered content; a template error names the file and line. */
    public byte[] render() {
        return render("files.template", src, vars, Boolean.TRUE.equals(ansible));
    }

    /**
     * A local template rendered with {@code vars} as plain Jinja2, for every operation that renders one
     * ({@code operation} names it in messages); a template error names the file and line.
     */
    public static byte[] render(String operation, String src, Map<String, Object> vars) {
        return render(operation, src, vars, false);
    }

    private static byte[] render(String operation, String src, Map<String, Object> vars, boolean ansible) {
        String source = source(operation, src);
        // Vault-decrypted values stay Secrets in the operation's arguments, which may be shown; the rendered file
        // holds their text, as Ansible's does. hostvars reveals each host's values itself, when a template reads
        // them.
        Map<String, Object> plain = new LinkedHashMap<>();
        vars.forEach((k, v) -> plain.put(k, AnsibleVariables.isHostVars(v) ? v : Secret.revealed(v)));
        return (ansible ? ANSIBLE_RENDERER : RENDERER)
                .render(src, source, plain)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String source(String operation, String src) {
        // The template's text is read once per content, like an upload's; rendering is per host.
        return new String(LocalFiles.read(operation, src).bytes(), StandardCharsets.UTF_8);
    }

    private ContentInstall install() {
        return new ContentInstall(dest, mode, owner, group);
    }

    @Override
    public ChangeScope changes() {
        return ChangeScope.entries(dest);
    }

    @Override
    public void checkLocalInputs() {
        // Rendered with this host's variables: an undefined variable or a broken tag is found before any change.
        render();
    }
}
