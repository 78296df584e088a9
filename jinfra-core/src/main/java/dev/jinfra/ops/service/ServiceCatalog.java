package dev.jinfra.ops.service;

import dev.jinfra.ops.packages.AlpinePackages;
import dev.jinfra.ops.packages.ApkPackages;
import dev.jinfra.ops.packages.DnfPackages;
import dev.jinfra.ops.packages.DnfRepo;
import dev.jinfra.ops.packages.DnfRpm;
import dev.jinfra.ops.packages.PackageManager;
import dev.jinfra.ops.packages.RpmPackages;
import dev.jinfra.ops.packages.ServerPackages;
import dev.jinfra.ops.packages.YumPackages;
import dev.jinfra.ops.packages.YumRepo;
import dev.jinfra.ops.packages.YumRpm;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The service and package-manager operations and the facts they read, by name: merged into the main catalog. */
public final class ServiceCatalog {
    private ServiceCatalog() {}

    public static final Map<String, Class<? extends Record>> OPERATIONS;
    public static final Map<String, Class<? extends Record>> FACTS;

    static {
        Map<String, Class<? extends Record>> ops = new LinkedHashMap<>();
        ops.put("systemd.service", SystemdService.class);
        ops.put("systemd.daemon_reload", SystemdDaemonReload.class);
        ops.put("sysvinit.service", SysvService.class);
        ops.put("server.service", ServerService.class);
        ops.put("dnf.packages", DnfPackages.class);
        ops.put("yum.packages", YumPackages.class);
        ops.put("dnf.repo", DnfRepo.class);
        ops.put("yum.repo", YumRepo.class);
        ops.put("dnf.rpm", DnfRpm.class);
        ops.put("yum.rpm", YumRpm.class);
        ops.put("apk.packages", AlpinePackages.class);
        ops.put("server.packages", ServerPackages.class);
        OPERATIONS = Collections.unmodifiableMap(ops);

        Map<String, Class<? extends Record>> facts = new LinkedHashMap<>();
        facts.put("SystemdStatus", SystemdStatus.class);
        facts.put("SystemdEnabled", SystemdEnabled.class);
        facts.put("InitSystem", InitSystem.class);
        facts.put("ServiceStatus", ServiceStatus.class);
        facts.put("SysvEnabled", SysvEnabled.class);
        facts.put("RpmPackages", RpmPackages.class);
        facts.put("ApkPackages", ApkPackages.class);
        facts.put("PackageManager", PackageManager.class);
        FACTS = Collections.unmodifiableMap(facts);
    }
}
