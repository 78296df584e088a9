// A class file whose body mentions methods and fields only inside the class, plus annotations with braces.
@SuppressWarnings({"unchecked", "rawtypes"})
public final class Tricky implements Deploy {
    String text = """
        void deploy(Host host) { } "quoted" class
        """;
    char brace = '{';

    @Override
    public void deploy(Host host) {
        ((java.util.List<String>) host.data().get("log")).add("tricky " + text.strip().length() + brace);
    }
}
