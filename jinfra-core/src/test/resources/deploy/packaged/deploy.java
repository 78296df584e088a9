package com.example.deploys; import java.util.List;

// A package statement comes before jinfra's imports, which go right after its semicolon on line 1.
public class Site implements Deploy {
    @Override
    @SuppressWarnings("unchecked")
    public void deploy(Host host) {
        ((List<String>) host.data().get("log")).add("packaged " + getClass().getName() + " ran for " + host.name());
    }
}
