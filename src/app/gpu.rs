//! The window's wgpu set-up, chosen for memory: Vulkan alone when this machine has a Vulkan
//! adapter (the OpenGL backend is then never loaded), else Vulkan and OpenGL as eframe
//! tries them; small graphics-memory blocks. `WGPU_BACKEND` still overrides the backends.

use std::sync::Arc;

use egui_wgpu::wgpu;

use crate::export::block_on::block_on;

/// Options for eframe's wgpu renderer.
pub fn wgpu_options() -> egui_wgpu::WgpuConfiguration {
    let mut setup = egui_wgpu::WgpuSetupCreateNew::without_display_handle();
    if wgpu::Backends::from_env().is_none() && has_vulkan_adapter() {
        setup.instance_descriptor.backends = wgpu::Backends::VULKAN;
    }
    let base = setup.device_descriptor.clone();
    setup.device_descriptor = Arc::new(move |adapter| wgpu::DeviceDescriptor {
        // egui's buffers and textures are a few MB: no need for wgpu's default 64 MB
        // host-visible and 128 MB device memory blocks (on lavapipe the difference in
        // resident memory was within run-to-run noise; on a GPU it is reserved VRAM).
        memory_hints: wgpu::MemoryHints::MemoryUsage,
        ..base(adapter)
    });
    let mut config = egui_wgpu::WgpuConfiguration {
        wgpu_setup: egui_wgpu::WgpuSetup::CreateNew(setup),
        ..Default::default()
    };
    if super::frame_log::enabled() {
        // Measuring frames: as many as the machine draws, not one per vertical blank.
        config.surface.present_mode = wgpu::PresentMode::AutoNoVsync;
    }
    config
}

/// A Vulkan adapter can be had (a GPU's driver, or lavapipe on the CPU).
fn has_vulkan_adapter() -> bool {
    let desc = egui_wgpu::WgpuSetupCreateNew::without_display_handle().instance_descriptor;
    let instance = wgpu::Instance::new(wgpu::InstanceDescriptor {
        backends: wgpu::Backends::VULKAN,
        ..desc
    });
    !block_on(instance.enumerate_adapters(wgpu::Backends::VULKAN)).is_empty()
}
