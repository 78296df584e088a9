package com.example.deploys;

import dev.jinfra.deploy.Deploy;
import dev.jinfra.inventory.Host;
import java.util.List;

public class Explicit implements Deploy {
    @Override
    @SuppressWarnings("unchecked")
    public void deploy(Host host) {
        ((List<String>) host.data().get("log")).add("explicit ran for " + host.name());
    }
}
