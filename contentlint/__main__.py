from contentlint.cli import main

main()
