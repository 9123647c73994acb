//! The short crash test of `make test` (`make crash-test` runs 200 kills): 20 random
//! SIGKILLs of a process writing structures, journal entries and attached files.

#[test]
fn twenty_kills_lose_no_committed_write_and_leave_no_partial_file() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jalons-cli"))
        .args(["coupures", "--coupures", "20", "--graine", "7"])
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&out.stdout);
    println!("{table}");
    assert!(out.status.success(), "{table}\n{}", String::from_utf8_lossy(&out.stderr));
    let row: Vec<&str> = table.lines().last().unwrap().split('|').map(str::trim).collect();
    assert_eq!(row[1], "20", "kills");
    assert!(row[2].parse::<usize>().unwrap() > 20, "the child reported few writes: {table}");
    assert_eq!(&row[3..5], ["0", "0"], "lost, integrity failures");
    assert_eq!(row[7], "0", "left behind");
}
