import dev.jinfra.inventory.Host; import dev.jinfra.deploy.*;
import dev.jinfra.deploy.Deploy;
import static dev.jinfra.deploy.Operations.*;
import java.util.List;

// Imports that repeat jinfra's own still compile.
void deploy(Host host) {
    @SuppressWarnings("unchecked")
    List<String> log = (List<String>) host.data().get("log");
    Deploy self = h -> log.add("imports ran for " + h.name());
    self.deploy(host);
}
