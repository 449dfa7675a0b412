fn main() {
    golden_thread::start();
}
