package dev.jinfra.deploy;

/**
 * The operation families a deploy file uses by name ({@code server.shell(...)}, {@code files.directory(...)}):
 * deploy files import these statically, so a compact source file needs no imports of its own.
 */
public final class Operations {
    private Operations() {}

    public static final ServerOperations server = new ServerOperations();
    public static final FilesOperations files = new FilesOperations();
    public static final AptOperations apt = new AptOperations();
    public static final GitOperations git = new GitOperations();
    public static final PipOperations pip = new PipOperations();
    public static final ApkOperations apk = new ApkOperations();
    public static final DnfOperations dnf = new DnfOperations();
    public static final YumOperations yum = new YumOperations();
    public static final SystemdOperations systemd = new SystemdOperations();
    public static final SysvinitOperations sysvinit = new SysvinitOperations();
    public static final OpenrcOperations openrc = new OpenrcOperations();
    public static final UpstartOperations upstart = new UpstartOperations();
    public static final IptablesOperations iptables = new IptablesOperations();
    public static final SelinuxOperations selinux = new SelinuxOperations();
    public static final PacmanOperations pacman = new PacmanOperations();
    public static final ZypperOperations zypper = new ZypperOperations();
    public static final SnapOperations snap = new SnapOperations();
    public static final NpmOperations npm = new NpmOperations();
    public static final GemOperations gem = new GemOperations();
    public static final CargoOperations cargo = new CargoOperations();
    public static final PostgresqlOperations postgresql = new PostgresqlOperations();
    public static final MysqlOperations mysql = new MysqlOperations();
    public static final DockerOperations docker = new DockerOperations();
    public static final PipxOperations pipx = new PipxOperations();
    public static final FlatpakOperations flatpak = new FlatpakOperations();
    public static final BrewOperations brew = new BrewOperations();
    public static final XbpsOperations xbps = new XbpsOperations();
    public static final PkgOperations pkg = new PkgOperations();
    public static final OpkgOperations opkg = new OpkgOperations();
    public static final RunitOperations runit = new RunitOperations();
    public static final LaunchdOperations launchd = new LaunchdOperations();
    public static final BsdinitOperations bsdinit = new BsdinitOperations();
    public static final SshOperations ssh = new SshOperations();
    public static final ZfsOperations zfs = new ZfsOperations();
    public static final PuppetOperations puppet = new PuppetOperations();

    /**
     * A fact of the host whose deploy code runs, read over its session on first use, for deploy code that
     * branches on the host's state: {@code fact(new DirectoryInfo("/srv"))}. Only while the deploy code runs.
     */
    public static <T> T fact(dev.jinfra.api.Fact<T> fact) {
        return PrepareContext.fact(fact);
    }

    /**
     * A deploy piece: its operations run with {@code settings} unless they set their own, e.g.
     * {@code with(settings().sudo(), () -> { ... })}.
     */
    public static void with(Settings settings, Runnable piece) {
        PrepareContext.with(settings, piece);
    }

    /** Settings to chain for {@link #with}. */
    public static Settings settings() {
        return Settings.NONE;
    }

    /** Under the {@code free} strategy, hosts wait here for each other; see {@link Barrier}. */
    public static OperationCall barrier() {
        return PrepareContext.register(new Barrier());
    }
}
