package dev.jinfra.ops.files;

import java.util.Map;

/** The file operations and facts by name, to be merged into the main catalog. */
public final class FilesCatalog {
    private FilesCatalog() {}

    public static final Map<String, Class<? extends Record>> OPERATIONS = Map.ofEntries(
            Map.entry("files.file", FileOp.class),
            Map.entry("files.link", Link.class),
            Map.entry("files.line", Line.class),
            Map.entry("files.replace", Replace.class),
            Map.entry("files.block", Block.class),
            Map.entry("files.put", Put.class),
            Map.entry("files.template", Template.class),
            Map.entry("files.get", Get.class),
            Map.entry("files.download", Download.class),
            Map.entry("files.sync", Sync.class));

    public static final Map<String, Class<? extends Record>> FACTS = Map.of(
            "FileInfo", FileInfo.class,
            "LinkInfo", LinkInfo.class,
            "FindInFile", FindInFile.class,
            "Sha256File", Sha256File.class,
            "BlockContent", BlockContent.class,
            "FileContent", dev.jinfra.ops.files.FileContent.class,
            "DirectoryFiles", DirectoryFiles.class,
            "PathIdentity", dev.jinfra.ops.files.PathIdentity.class,
            "LinkTarget", dev.jinfra.ops.files.LinkTarget.class);
}
