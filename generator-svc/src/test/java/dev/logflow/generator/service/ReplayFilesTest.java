package dev.logflow.generator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayFilesTest {

    private static final String SETTING = "logflow.generator.replay.allowed-dirs";

    @TempDir
    Path root;

    private Path allowed;
    private Path inside;
    private Path outside;

    @BeforeEach
    void createFiles() throws IOException {
        allowed = Files.createDirectories(root.resolve("allowed"));
        inside = Files.writeString(allowed.resolve("in.log"), "in\n");
        outside = Files.writeString(root.resolve("out.log"), "out\n");
    }

    @Test
    void refusesEveryFileWhenNoDirIsAllowedAndAnyFileIsOff() {
        ForbiddenRequestException e = assertThrows(
                ForbiddenRequestException.class, () -> new ReplayFiles(Optional.empty(), false).resolve(inside + ""));
        assertEquals("replay disabled: set " + SETTING, e.getMessage());
    }

    @Test
    void allowsAnyReadableFileWhenNoDirIsAllowedAndAnyFileIsOn() throws IOException {
        assertEquals(outside.toRealPath(), new ReplayFiles(Optional.empty(), true).resolve(outside.toString()));
    }

    @Test
    void allowedDirsWinOverAnyFile() {
        ReplayFiles files = new ReplayFiles(Optional.of(List.of(allowed.toString())), true);
        assertThrows(ForbiddenRequestException.class, () -> files.resolve(outside.toString()));
    }

    @Test
    void allowsAFileUnderAnAllowedDir() throws IOException {
        assertEquals(inside.toRealPath(), restricted().resolve(inside.toString()));
    }

    @Test
    void refusesAFileOutsideNamingTheSetting() {
        ForbiddenRequestException e =
                assertThrows(ForbiddenRequestException.class, () -> restricted().resolve(outside.toString()));
        assertTrue(e.getMessage().contains(SETTING), e.getMessage());
    }

    @Test
    void refusesASymlinkInsideThatPointsOutside() throws IOException {
        Path link = Files.createSymbolicLink(allowed.resolve("link.log"), outside);
        assertThrows(ForbiddenRequestException.class, () -> restricted().resolve(link.toString()));
    }

    @Test
    void refusesADirNamedLikeTheAllowedOneWithASuffix() throws IOException {
        Path sibling = Files.createDirectories(root.resolve("allowed-not"));
        Path file = Files.writeString(sibling.resolve("x.log"), "x\n");
        assertThrows(ForbiddenRequestException.class, () -> restricted().resolve(file.toString()));
    }

    @Test
    void allowsASymlinkInsideThatStaysInside() throws IOException {
        Path link = Files.createSymbolicLink(allowed.resolve("alias.log"), inside);
        assertEquals(inside.toRealPath(), restricted().resolve(link.toString()));
    }

    @Test
    void followsAnAllowedDirThatIsItselfASymlink() throws IOException {
        Path alias = Files.createSymbolicLink(root.resolve("alias-dir"), allowed);
        ReplayFiles files = new ReplayFiles(Optional.of(List.of(alias.toString())), false);
        assertEquals(inside.toRealPath(), files.resolve(alias.resolve("in.log").toString()));
        assertEquals(inside.toRealPath(), files.resolve(inside.toString()));
    }

    @Test
    void saysAMissingFileInsideIsMissing() {
        InvalidRequestException e = assertThrows(
                InvalidRequestException.class, () -> restricted().resolve(allowed.resolve("absent.log") + ""));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void refusesAMissingFileOutsideWithoutSayingItIsMissing() {
        assertThrows(ForbiddenRequestException.class, () -> restricted().resolve(root.resolve("absent.log") + ""));
    }

    @Test
    void refusesADirectoryInside() {
        assertThrows(InvalidRequestException.class, () -> restricted().resolve(allowed.toString()));
    }

    private ReplayFiles restricted() {
        return new ReplayFiles(Optional.of(List.of(allowed.toString())), false);
    }
}
