package dev.jinfra.deploy.compile;

import dev.jinfra.deploy.Deploy;
import java.nio.file.Path;

/**
 * A deploy file, compiled and ready to run.
 *
 * @param path        the file
 * @param displayName the file as the user named it, for messages
 * @param deploy      runs the file's deploy for one host; each call gets a fresh instance of the file's class
 */
public record LoadedDeploy(Path path, String displayName, Deploy deploy) {}
