package dev.jinfra.ops.files;

import dev.jinfra.facts.BlockContent;
import dev.jinfra.facts.DirectoryFiles;
import dev.jinfra.facts.FileInfo;
import dev.jinfra.facts.FindInFile;
import dev.jinfra.facts.LinkInfo;
import dev.jinfra.facts.Sha256File;
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
            "FileContent", dev.jinfra.facts.FileContent.class,
            "DirectoryFiles", DirectoryFiles.class,
            "PathIdentity", dev.jinfra.facts.PathIdentity.class,
            "LinkTarget", dev.jinfra.facts.LinkTarget.class);
}
