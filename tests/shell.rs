//! What a shell user expects of the command: completions, a manual page, help
//! with examples and keys, `--data-dir` only where the data is used, the
//! outline as a tree for people, and the settings file (where it is found,
//! its problems named on standard error, the flags beating it).

use std::path::Path;

use assert_cmd::Command;

const SAMPLE: &str = "assets/plans-2021.txt";

/// The binary, with no settings or data of the user's own.
fn gangmu(config_home: &Path) -> Command {
    let mut command = Command::cargo_bin("gangmu").expect("the binary is built");
    command
        .env("XDG_CONFIG_HOME", config_home)
        .env_remove("GANGMU_DATA_DIR");
    command
}

fn stdout(command: &mut Command) -> String {
    let output = command.output().expect("runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn stderr(command: &mut Command) -> String {
    let output = command.output().expect("runs");
    String::from_utf8(output.stderr).expect("UTF-8")
}

#[test]
fn outline_tree_indents_each_heading_by_its_depth_after_its_line() {
    let home = tempfile::tempdir().expect("a temp dir");
    let tree = stdout(gangmu(home.path()).args(["outline", "--tree", "tests/fixtures/packet.txt"]));
    let lines: Vec<&str> = tree.lines().collect();
    assert_eq!(
        lines[..8],
        [
            " 4  目录",
            " 9  青州市人民政府办公室关于印发青州市“十四五”教育事业发展规划的通知",
            "19  附件1 青州市“十四五”教育事业发展规划",
            "22    一、 发展基础",
            "23      （一） 主要成就",
            "26      （二） 面临形势",
            "28    二、 总体要求",
            "29      （一） 指导思想",
        ]
    );
    assert!(
        lines.contains(&"40          专栏 1 学前教育重点工程"),
        "{tree}"
    );
    let tsv = stdout(gangmu(home.path()).args(["outline", "tests/fixtures/packet.txt"]));
    assert_eq!(lines.len(), tsv.lines().count());
}

#[test]
fn outline_tree_and_json_cannot_both_be_asked_for() {
    let home = tempfile::tempdir().expect("a temp dir");
    let output = gangmu(home.path())
        .args(["outline", "--tree", "--json", SAMPLE])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn completions_are_printed_for_each_shell() {
    let home = tempfile::tempdir().expect("a temp dir");
    for (shell, sign) in [
        ("bash", "complete -F _gangmu"),
        ("zsh", "#compdef gangmu"),
        ("fish", "complete -c gangmu"),
    ] {
        let script = stdout(gangmu(home.path()).args(["completions", shell]));
        assert!(script.contains(sign), "{shell}: {script}");
        for command in ["outline", "grep", "notes", "completions"] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
    let output = gangmu(home.path())
        .args(["completions", "tcsh"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_manual_page_is_printed_as_roff() {
    let home = tempfile::tempdir().expect("a temp dir");
    let page = stdout(gangmu(home.path()).arg("man"));
    assert!(page.starts_with(".ie"), "{page}");
    assert!(page.contains(".TH gangmu 1"), "{page}");
    for word in ["\\-\\-measure", "\\-\\-theme", "Examples:"] {
        assert!(page.contains(word), "the page lacks {word}");
    }
    // Every command is described on this one page, none on a page of its own.
    let commands = ["OUTLINE", "FIND", "GREP", "STATS", "NOTES", "TEXT"];
    for command in commands {
        let heading = format!(".SH \"GANGMU {command}\"");
        assert!(page.contains(&heading), "{command}");
    }
    assert!(page.contains("\\-\\-tree"), "{page}");
    assert!(!page.contains("gangmu\\-outline(1)"), "{page}");
}

#[test]
fn help_gives_examples_and_the_main_keys() {
    let home = tempfile::tempdir().expect("a temp dir");
    let help = stdout(gangmu(home.path()).arg("--help"));
    assert!(help.contains("Examples:\n  gangmu plan.txt"), "{help}");
    assert!(help.contains("Keys in the reader ("), "{help}");
    // The keys are the bindings table's: the first key of each action.
    for keys in [
        "j k      scroll",
        "Space b  page",
        "/        search",
        "q        quit",
    ] {
        assert!(help.contains(keys), "{keys}: {help}");
    }
    assert!(help.contains("config.toml"), "{help}");
}

#[test]
fn the_data_directory_is_offered_only_where_it_is_used() {
    let home = tempfile::tempdir().expect("a temp dir");
    let help = |args: &[&str]| stdout(gangmu(home.path()).args(args).arg("--help"));
    assert!(help(&[]).contains("--data-dir"));
    for command in ["notes", "stats"] {
        assert!(help(&[command]).contains("--data-dir"), "{command}");
    }
    for command in ["outline", "text", "grep", "find", "completions"] {
        assert!(!help(&[command]).contains("--data-dir"), "{command}");
    }
}

/// A settings file in `home` (as `$XDG_CONFIG_HOME`) holding `text`.
fn settings(home: &Path, text: &str) {
    let dir = home.join("gangmu");
    std::fs::create_dir_all(&dir).expect("a settings folder");
    std::fs::write(dir.join("config.toml"), text).expect("writes");
}

#[test]
fn problems_in_the_settings_are_named_a_line_each_and_the_command_still_runs() {
    let home = tempfile::tempdir().expect("a temp dir");
    let data = tempfile::tempdir().expect("a temp dir");
    settings(home.path(), "thme = \"light\"\nmeasure = \"wide\"\n");
    let output = gangmu(home.path())
        .args(["stats", "--data-dir"])
        .arg(data.path())
        .arg(SAMPLE)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    let said = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(
        said.lines().collect::<Vec<_>>(),
        [
            "gangmu: warning: config.toml: bad value for \"measure\": not a whole number",
            "gangmu: warning: config.toml: unknown key \"thme\"",
        ]
    );
}

#[test]
fn a_settings_file_named_on_the_command_line_is_read_instead() {
    let home = tempfile::tempdir().expect("a temp dir");
    let data = tempfile::tempdir().expect("a temp dir");
    settings(home.path(), "thme = 1\n");
    let named = home.path().join("other.toml");
    std::fs::write(&named, "[keys]\nquitt = \"Q\"\n").expect("writes");
    let said = stderr(
        gangmu(home.path())
            .arg("--config")
            .arg(&named)
            .args(["stats", "--data-dir"])
            .arg(data.path())
            .arg(SAMPLE),
    );
    assert_eq!(
        said,
        "gangmu: warning: other.toml: unknown key \"keys.quitt\"\n"
    );
    let missing = gangmu(home.path())
        .args(["--config", "no-such.toml", "stats", SAMPLE])
        .output()
        .expect("runs");
    assert_eq!(missing.status.code(), Some(2));
    let said = String::from_utf8(missing.stderr).expect("UTF-8");
    assert!(said.starts_with("gangmu: reading no-such.toml: "), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
}

#[test]
fn the_data_directory_flag_and_variable_beat_the_settings() {
    let home = tempfile::tempdir().expect("a temp dir");
    let data = tempfile::tempdir().expect("a temp dir");
    // A data directory that cannot be one: the store says so when it is used.
    let not_a_folder = home.path().join("not-a-folder");
    std::fs::write(&not_a_folder, "").expect("writes");
    let dir = not_a_folder.to_str().expect("a UTF-8 path");
    settings(home.path(), &format!("data-dir = {dir:?}\n"));
    let from_settings = stderr(gangmu(home.path()).args(["notes", SAMPLE]));
    assert!(from_settings.contains("not-a-folder"), "{from_settings}");
    let flag_after = stderr(
        gangmu(home.path())
            .args(["notes", "--data-dir"])
            .arg(data.path())
            .arg(SAMPLE),
    );
    let flag_before = stderr(
        gangmu(home.path())
            .arg("--data-dir")
            .arg(data.path())
            .args(["notes", SAMPLE]),
    );
    let variable = stderr(
        gangmu(home.path())
            .env("GANGMU_DATA_DIR", data.path())
            .args(["notes", SAMPLE]),
    );
    for said in [flag_after, flag_before, variable] {
        assert!(!said.contains("not-a-folder"), "{said}");
    }
}
