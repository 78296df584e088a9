import java.util.List;

/** The class form: any class name, in a file named deploy.java, with helper classes alongside. */
public class WebServers implements Deploy {
    private final Steps steps = new Steps();

    @Override
    public void deploy(Host host) {
        steps.log(host).add("class form ran for " + host.name() + " via " + Helper.NAME);
    }

    static final class Helper {
        static final String NAME = "nested helper";
    }
}

class Steps {
    @SuppressWarnings("unchecked")
    List<String> log(Host host) {
        return (List<String>) host.data().get("log");
    }
}
