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

    public static final Map<String, Class<? extends Record>> OPERATIONS = Map.of(
            "files.file", FileOp.class,
            "files.link", Link.class,
            "files.line", Line.class,
            "files.replace", Replace.class,
            "files.block", Block.class,
            "files.put", Put.class,
            "files.template", Template.class,
            "files.download", Download.class,
            "files.sync", Sync.class);

    public static final Map<String, Class<? extends Record>> FACTS = Map.of(
            "FileInfo", FileInfo.class,
            "LinkInfo", LinkInfo.class,
            "FindInFile", FindInFile.class,
            "Sha256File", Sha256File.class,
            "BlockContent", BlockContent.class,
            "FileContent", dev.jinfra.facts.FileContent.class,
            "DirectoryFiles", DirectoryFiles.class);
}
