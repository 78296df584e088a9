package com.example.deploys; class Broken implements Deploy { public void deploy(Host h) { int x = "no"; } }
